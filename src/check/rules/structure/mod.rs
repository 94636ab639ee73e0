//! CS1xx structure: tables, columns and types, schemas, keys, ID derivation, nulls, NFC,
//! line breaks in one-line fields.

pub mod castable_column_type;
pub mod duplicate_id;
pub mod empty_string;
pub mod id_not_derived;
pub mod line_break_in_name;
pub mod missing_column;
pub mod missing_table;
pub mod schema_violation;
pub mod text_not_nfc;
pub mod wrong_column_type;
