//! The Python extension module `claimset._native` (cargo feature `python`, built by
//! maturin): extraction, reading, checking and sealing, and the merge of actors and
//! sources, each the library's own code, handing Arrow data to pyarrow through the C data
//! interface. `python/claimset/` wraps it in the public Python API.
//!
//! Every function that works releases the GIL while it does, so Python threads run on.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, Int32Array, ListArray, RecordBatch, StringArray, StructArray};
use arrow_pyarrow::PyArrowType;
use arrow_schema::{DataType, Field, Fields, Schema};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

use crate::check::{ConfigFile, Overrides, Settings};
use crate::convert::{Collected, Validators, extract_document, notes_of};
use crate::dataset::conform::conform;
use crate::dataset::{
    DatasetLock, Shared, TableRows, arrow_schema, for_each_part, read_dataset_manifest, seal_with,
};
use crate::extract::Extractor;
use crate::ingest::{self, Format, Limits};
use crate::model::{
    Actor, Article, Claim, ConversionIssue, Finding, Mention, Rejected, SCHEMA_VERSION, Source,
};

create_exception!(
    _native,
    ClaimsetError,
    PyException,
    "A dataset could not be read or written, or a table is not what the data model says."
);

fn fail(e: impl std::fmt::Display) -> PyErr {
    ClaimsetError::new_err(e.to_string())
}

/// The extractor and the validators, built once per process.
fn engine() -> &'static (Extractor, Validators) {
    static ENGINE: OnceLock<(Extractor, Validators)> = OnceLock::new();
    ENGINE.get_or_init(|| (Extractor::default(), Validators::default()))
}

fn format_of(name: Option<&str>) -> PyResult<Option<Format>> {
    Ok(match name {
        None => None,
        Some("text") => Some(Format::Text),
        Some("markdown") => Some(Format::Markdown),
        Some("jsonl") => Some(Format::Jsonl),
        Some("html") => Some(Format::Html),
        Some(other) if other.starts_with("name:") => Some(Format::of_path(Path::new(&other[5..]))),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?}: use text, markdown, jsonl, html or None (sniffed)"
            )));
        }
    })
}

/// The batch of a table's rows, with the contract's layout.
fn batch_of<T: TableRows>(rows: &[T]) -> PyResult<PyArrowType<RecordBatch>> {
    T::to_batch(rows).map(PyArrowType).map_err(fail)
}

/// The tables of an extraction by name, then the rejected inputs and the notes as JSON.
type Extraction = (Vec<(String, PyArrowType<RecordBatch>)>, String, String);

/// Reads and extracts inputs as `claimset convert` does: `origins[i]` names the input
/// whose bytes are `contents[i]`, read as `formats[i]` (`text`, `markdown`, `jsonl`,
/// `html`; `name:PATH` for the format PATH's extension gives; `None`: sniffed). Returns the tables (`articles`, `claims`, `sources`,
/// `actors`, `mentions`) as record batches, and the rejected inputs and notes as JSON.
#[pyfunction]
#[pyo3(signature = (origins, contents, formats, parallel=true))]
fn extract(
    py: Python<'_>,
    origins: Vec<String>,
    contents: Vec<Vec<u8>>,
    formats: Vec<Option<String>>,
    parallel: bool,
) -> PyResult<Extraction> {
    if origins.len() != contents.len() || origins.len() != formats.len() {
        return Err(PyValueError::new_err(
            "origins, contents and formats must have the same length",
        ));
    }
    let formats = formats
        .iter()
        .map(|f| format_of(f.as_deref()))
        .collect::<PyResult<Vec<_>>>()?;
    let c = py.detach(|| {
        let (extractor, validators) = engine();
        let mut c = Collected::default();
        for ((origin, bytes), format) in origins.iter().zip(&contents).zip(formats) {
            let ingested = ingest::read_fetched(origin, format, bytes, &Limits::default());
            c.add(ingested, extractor, validators, parallel);
        }
        c
    });
    let sources: Vec<Source> = c.shared.sources.into_values().collect();
    let actors: Vec<Actor> = c.shared.actors.into_values().collect();
    let tables = vec![
        ("articles".to_string(), batch_of(&c.articles)?),
        ("claims".to_string(), batch_of(&c.claims)?),
        ("sources".to_string(), batch_of(&sources)?),
        ("actors".to_string(), batch_of(&actors)?),
        ("mentions".to_string(), batch_of(&c.mentions)?),
    ];
    Ok((
        tables,
        serde_json::to_string(&c.rejected).map_err(fail)?,
        serde_json::to_string(&c.issues).map_err(fail)?,
    ))
}

/// What one document (or one rejected input) of a file gives, for the Spark job.
#[derive(Default)]
struct Units {
    order: Vec<String>,
    doc: Vec<i32>,
    article_id: Vec<Option<String>>,
    origin: Vec<String>,
    articles: (Vec<Article>, Vec<usize>),
    claims: (Vec<Claim>, Vec<usize>),
    sources: (Vec<Source>, Vec<usize>),
    actors: (Vec<Actor>, Vec<usize>),
    mentions: (Vec<Mention>, Vec<usize>),
    rejected: (Vec<Rejected>, Vec<usize>),
    issues: (Vec<ConversionIssue>, Vec<usize>),
}

fn push<T>(list: &mut (Vec<T>, Vec<usize>), rows: Vec<T>) {
    list.1.push(rows.len());
    list.0.extend(rows);
}

/// One list per unit over the struct rows of `values`, `counts[i]` rows for unit `i`.
fn nest(values: StructArray, counts: &[usize]) -> PyResult<ArrayRef> {
    let item = Arc::new(Field::new("element", values.data_type().clone(), false));
    let offsets = arrow_buffer::OffsetBuffer::<i32>::from_lengths(counts.iter().copied());
    ListArray::try_new(item, offsets, Arc::new(values), None)
        .map(|l| Arc::new(l) as ArrayRef)
        .map_err(fail)
}

fn nest_table<T: TableRows>(list: &(Vec<T>, Vec<usize>)) -> PyResult<ArrayRef> {
    let batch = T::to_batch(&list.0).map_err(fail)?;
    nest(StructArray::from(batch), &list.1)
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn struct_of(columns: Vec<(&str, bool, ArrayRef)>) -> PyResult<StructArray> {
    let fields: Fields = columns
        .iter()
        .map(|(name, nullable, a)| Field::new(*name, a.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, _, a)| a).collect();
    StructArray::try_new(fields, arrays, None).map_err(fail)
}

impl Units {
    fn batch(self) -> PyResult<RecordBatch> {
        let rejected = struct_of(vec![
            (
                "path",
                false,
                strings(self.rejected.0.iter().map(|r| Some(r.path.as_str()))),
            ),
            (
                "reason",
                false,
                strings(self.rejected.0.iter().map(|r| Some(r.reason.as_str()))),
            ),
        ])?;
        let issues = struct_of(vec![
            (
                "origin",
                false,
                strings(self.issues.0.iter().map(|i| Some(i.origin.as_str()))),
            ),
            (
                "article_id",
                true,
                strings(
                    self.issues
                        .0
                        .iter()
                        .map(|i| i.article_id.as_ref().map(|a| a.as_str())),
                ),
            ),
            (
                "message",
                false,
                strings(self.issues.0.iter().map(|i| Some(i.message.as_str()))),
            ),
        ])?;
        let columns: Vec<(&str, bool, ArrayRef)> = vec![
            (
                "order",
                false,
                strings(self.order.iter().map(|s| Some(s.as_str()))),
            ),
            ("doc", false, Arc::new(Int32Array::from(self.doc))),
            (
                "article_id",
                true,
                strings(self.article_id.iter().map(|s| s.as_deref())),
            ),
            (
                "origin",
                false,
                strings(self.origin.iter().map(|s| Some(s.as_str()))),
            ),
            ("articles", false, nest_table(&self.articles)?),
            ("claims", false, nest_table(&self.claims)?),
            ("sources", false, nest_table(&self.sources)?),
            ("actors", false, nest_table(&self.actors)?),
            ("mentions", false, nest_table(&self.mentions)?),
            ("rejected", false, nest(rejected, &self.rejected.1)?),
            ("issues", false, nest(issues, &self.issues.1)?),
        ];
        let schema = Schema::new(
            columns
                .iter()
                .map(|(name, nullable, a)| Field::new(*name, a.data_type().clone(), *nullable))
                .collect::<Vec<_>>(),
        );
        RecordBatch::try_new(
            Arc::new(schema),
            columns.into_iter().map(|(_, _, a)| a).collect(),
        )
        .map_err(fail)
    }
}

/// The string column `name` of `batch`, any string flavour.
fn string_column(batch: &RecordBatch, name: &str) -> PyResult<Vec<Option<String>>> {
    let column = batch
        .column_by_name(name)
        .ok_or_else(|| PyValueError::new_err(format!("the batch has no column `{name}`")))?;
    let column = arrow_cast::cast(column, &DataType::Utf8).map_err(fail)?;
    Ok(column
        .as_string::<i32>()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect())
}

/// Reads and extracts the files of one Spark partition, one after the other (Spark runs
/// a task per core): the batch has `origin` (the file as `convert` would name it),
/// `content` (its bytes) and `order` (where it comes in `convert`'s input order), and
/// may have `line`: where it is set, `content` is that line of the JSONL batch `origin`
/// (a row of a table).
/// Articles are not deduplicated nor actors merged here: the job does it across
/// partitions. Returns one row per document or rejected input with its records as
/// lists.
#[pyfunction]
fn extract_units(
    py: Python<'_>,
    files: PyArrowType<RecordBatch>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let files = files.0;
    let origins = string_column(&files, "origin")?;
    let orders = string_column(&files, "order")?;
    let content = files
        .column_by_name("content")
        .ok_or_else(|| PyValueError::new_err("the batch has no column `content`"))?;
    let content = arrow_cast::cast(content, &DataType::LargeBinary).map_err(fail)?;
    let lines: Option<Vec<Option<i64>>> = match files.column_by_name("line") {
        None => None,
        Some(l) => {
            let l = arrow_cast::cast(l, &DataType::Int64).map_err(fail)?;
            Some(
                l.as_primitive::<arrow_array::types::Int64Type>()
                    .iter()
                    .collect(),
            )
        }
    };
    let content = content.as_binary::<i64>();
    let units = py.detach(|| {
        let (extractor, validators) = engine();
        let mut u = Units::default();
        for i in 0..files.num_rows() {
            let origin = origins[i].clone().unwrap_or_default();
            let order = orders[i].clone().unwrap_or_default();
            let bytes = if content.is_null(i) {
                &[][..]
            } else {
                content.value(i)
            };
            let ingested = match lines.as_ref().and_then(|l| l[i]) {
                // One line of a batch: a row of a table, read as that JSONL line.
                Some(number) => {
                    let line = ingest::jsonl::RawLine {
                        number: number as usize,
                        bytes: Ok(bytes.to_vec()),
                    };
                    let mut ingested = ingest::Ingested::default();
                    match ingest::jsonl::parse(&origin, &[], line) {
                        Ok(d) => ingested.documents.push(d),
                        Err(r) => ingested.rejected.push(r),
                    }
                    ingested
                }
                None => {
                    let format = Format::of_path(Path::new(&origin));
                    ingest::read_fetched(&origin, Some(format), bytes, &Limits::default())
                }
            };
            let mut doc = 0;
            let mut unit = |u: &mut Units, origin: String, id: Option<String>| {
                u.order.push(order.clone());
                u.doc.push(doc);
                u.article_id.push(id);
                u.origin.push(origin);
                doc += 1;
            };
            for d in ingested.documents {
                match extract_document(extractor, validators, &d) {
                    Ok(x) => {
                        unit(
                            &mut u,
                            d.origin.clone(),
                            Some(x.article.article_id.to_string()),
                        );
                        push(&mut u.issues, notes_of(&d.origin, &x));
                        push(&mut u.articles, vec![x.article]);
                        push(&mut u.claims, x.claims);
                        push(&mut u.sources, x.sources);
                        push(&mut u.actors, x.actors);
                        push(&mut u.mentions, x.mentions);
                        push(&mut u.rejected, Vec::new());
                    }
                    Err(r) => {
                        unit(&mut u, d.origin.clone(), None);
                        push(&mut u.issues, Vec::new());
                        push(&mut u.articles, Vec::new());
                        push(&mut u.claims, Vec::new());
                        push(&mut u.sources, Vec::new());
                        push(&mut u.actors, Vec::new());
                        push(&mut u.mentions, Vec::new());
                        push(&mut u.rejected, vec![r]);
                    }
                }
            }
            for r in ingested.rejected {
                unit(&mut u, r.path.clone(), None);
                push(&mut u.issues, Vec::new());
                push(&mut u.articles, Vec::new());
                push(&mut u.claims, Vec::new());
                push(&mut u.sources, Vec::new());
                push(&mut u.actors, Vec::new());
                push(&mut u.mentions, Vec::new());
                push(&mut u.rejected, vec![r]);
            }
        }
        u
    });
    units.batch().map(PyArrowType)
}

/// The records of a batch of `T`, whatever flavour of the contract's types it holds
/// (Spark's signed integers and plain strings included).
fn records<T: TableRows>(batch: &RecordBatch) -> PyResult<Vec<T>> {
    let conformed = conform(T::TABLE, batch, &[]);
    if let Some(c) = conformed.casts.iter().find(|c| c.unfit > 0) {
        return Err(fail(format!(
            "{}: column `{}` has {} values that do not fit the data model's type",
            T::TABLE,
            c.column,
            c.unfit
        )));
    }
    T::from_batch(&conformed.batch, 0).map_err(|m| fail(format!("{}: {m}", T::TABLE)))
}

/// Merges the rows of one actor ID, given in input order, as a conversion merges them
/// (aliases united, the first description and affiliation kept): one row.
#[pyfunction]
fn merge_actors(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let rows: Vec<Actor> = records(&batch.0)?;
    let merged = py.detach(|| {
        let mut shared = Shared::default();
        rows.into_iter().for_each(|a| shared.add_actor(a));
        shared.actors.into_values().collect::<Vec<_>>()
    });
    batch_of(&merged)
}

/// Merges the rows of sources given in input order as a conversion does (the first one
/// seen under an ID is kept), one row per ID.
#[pyfunction]
fn merge_sources(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let rows: Vec<Source> = records(&batch.0)?;
    let merged = py.detach(|| {
        let mut shared = Shared::default();
        rows.into_iter().for_each(|s| shared.add_source(s));
        shared.sources.into_values().collect::<Vec<_>>()
    });
    batch_of(&merged)
}

/// The manifest of the dataset in `dir` (`dataset.json`), as JSON.
#[pyfunction]
fn manifest(py: Python<'_>, dir: PathBuf) -> PyResult<String> {
    let m = py.detach(|| read_dataset_manifest(&dir)).map_err(fail)?;
    serde_json::to_string(&m).map_err(fail)
}

fn read_batches<T: TableRows>(dir: &Path) -> Result<Vec<RecordBatch>, String> {
    let manifest = read_dataset_manifest(dir).map_err(|e| e.to_string())?;
    let mut batches = Vec::new();
    for_each_part(dir, &manifest, |part: Vec<T>| {
        batches.push(
            T::to_batch(&part).map_err(|e| crate::dataset::DatasetError::Invalid {
                path: dir.join(T::TABLE),
                message: e.to_string(),
            })?,
        );
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok(batches)
}

/// The table `table` of the dataset in `dir`, verified against its manifest (every
/// file's SHA-256 and the row count) and read with the contract's types, as batches.
#[pyfunction]
fn read_table(
    py: Python<'_>,
    dir: PathBuf,
    table: &str,
) -> PyResult<Vec<PyArrowType<RecordBatch>>> {
    let batches = py
        .detach(|| match table {
            "articles" => read_batches::<Article>(&dir),
            "claims" => read_batches::<Claim>(&dir),
            "sources" => read_batches::<Source>(&dir),
            "actors" => read_batches::<Actor>(&dir),
            "mentions" => read_batches::<Mention>(&dir),
            "findings" => read_batches::<Finding>(&dir),
            other => Err(format!("no table {other:?} in the data model")),
        })
        .map_err(fail)?;
    Ok(batches.into_iter().map(PyArrowType).collect())
}

/// Checks the dataset in `dir` with the rules of `config` (a `claimset.toml`; the
/// defaults when `None`). Returns the findings and the summary line.
#[pyfunction]
#[pyo3(signature = (dir, config=None))]
fn check(
    py: Python<'_>,
    dir: PathBuf,
    config: Option<PathBuf>,
) -> PyResult<(PyArrowType<RecordBatch>, String)> {
    let settings = match config {
        Some(path) => ConfigFile::load(&path)
            .and_then(|c| c.check.resolve(&Overrides::default()))
            .map_err(fail)?,
        None => Settings::default(),
    };
    let report = py
        .detach(|| crate::check::check(&dir, &settings))
        .map_err(fail)?;
    Ok((batch_of(&report.findings())?, report.summary()))
}

/// Writes the manifest of a folder whose tables another engine wrote, recording the
/// rejected inputs and notes given as JSON (see `dataset::seal_with`). Returns it as
/// JSON.
#[pyfunction]
fn seal(py: Python<'_>, dir: PathBuf, rejected: &str, issues: &str) -> PyResult<String> {
    let rejected: Vec<Rejected> = serde_json::from_str(rejected).map_err(fail)?;
    let issues: Vec<ConversionIssue> = serde_json::from_str(issues).map_err(fail)?;
    let manifest = py
        .detach(|| {
            let lock = DatasetLock::acquire(&dir)?;
            seal_with(&lock, Some((rejected, issues)))
        })
        .map_err(fail)?;
    serde_json::to_string(&manifest).map_err(fail)
}

/// The Arrow schema of a table of the data model.
#[pyfunction]
fn schema(table: &str) -> PyResult<PyArrowType<Schema>> {
    arrow_schema(table)
        .map(|s| PyArrowType(s.as_ref().clone()))
        .ok_or_else(|| PyValueError::new_err(format!("no table {table:?} in the data model")))
}

/// Whether a file found in a folder is read as an article (`convert`'s rule).
#[pyfunction]
fn is_article_file(path: PathBuf) -> bool {
    ingest::is_article_file(&path)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ClaimsetError", m.py().get_type::<ClaimsetError>())?;
    m.add("SCHEMA_VERSION", SCHEMA_VERSION)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("DUPLICATE_NOTE", crate::convert::DUPLICATE_NOTE)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_units, m)?)?;
    m.add_function(wrap_pyfunction!(merge_actors, m)?)?;
    m.add_function(wrap_pyfunction!(merge_sources, m)?)?;
    m.add_function(wrap_pyfunction!(manifest, m)?)?;
    m.add_function(wrap_pyfunction!(read_table, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(seal, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(is_article_file, m)?)?;
    Ok(())
}
