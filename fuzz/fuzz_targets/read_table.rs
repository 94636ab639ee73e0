//! Fuzz target: bytes → `dataset::read_table_bytes` → typed records of every table.
//!
//! Any input must give records or a `DatasetError`, never a panic or an unbounded
//! allocation (run with `-malloc_limit_mb`). Panics of the Parquet decoder that the
//! reader catches and reports are expected on damaged files: they are counted and each
//! new place is printed once, but they are not crashes; any other panic is.

#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use bytes::Bytes;
use claimset::dataset::{is_decoding, read_table_bytes};
use claimset::model::{Actor, Article, Claim, Finding, Mention, Source};
use libfuzzer_sys::fuzz_target;

static CAUGHT: Mutex<Option<HashSet<String>>> = Mutex::new(None);

fuzz_target!(
    init: {
        std::panic::set_hook(Box::new(|info| {
            if is_decoding() {
                let at = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
                let mut seen = CAUGHT.lock().unwrap_or_else(|e| e.into_inner());
                if seen.get_or_insert_default().insert(at.clone().unwrap_or_default()) {
                    eprintln!("caught decoder panic at {}: {info}", at.unwrap_or_default());
                }
                return;
            }
            eprintln!("{info}");
            std::process::abort();
        }));
    },
    |data: &[u8]| {
        let path = Path::new("fuzz.parquet");
        let Ok(table) = read_table_bytes(path, Bytes::copy_from_slice(data)) else {
            return;
        };
        let _ = table.records::<Article>(path);
        let _ = table.records::<Claim>(path);
        let _ = table.records::<Source>(path);
        let _ = table.records::<Actor>(path);
        let _ = table.records::<Mention>(path);
        let _ = table.records::<Finding>(path);
    }
);
