//! `claimset check`: a rule engine that validates a dataset folder and reports what is
//! wrong as findings (data), failing only when the dataset cannot be read (errors).
//!
//! The engine streams each table's Parquet files as Arrow record batches, in the order
//! actors, sources, articles, claims, mentions, and keeps only compact indexes (IDs,
//! names, kinds, origins; hashes and offsets of spans), never the text columns. Rules
//! (one file each under `rules/`, listed in `registry`) are called per file, batch and
//! row, then once per article with its text and spans, then once at the end. Findings
//! are placed in the article text and the input file for the renderers (`render/`) and
//! can be written back as `findings.parquet`.

pub mod config;
pub mod context;
pub mod diagnostic;
pub mod docs;
pub mod ids;
pub mod lexicon;
pub mod locate;
pub mod registry;
pub mod render;
pub mod rows;
pub mod rule;
pub mod rules;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::dataset::conform::{Conformed, conform, with_partition_fields};
use crate::dataset::stream::{batches, file_schema, partition, table_files};
use crate::dataset::verify::audit;
use crate::dataset::{DatasetError, replace_table};
use crate::model::{Finding, Severity};
pub use config::{CheckConfig, ConfigError, ConfigFile, Overrides, RuleOptions, Settings};
use context::Context;
pub use diagnostic::Diagnostic;
use diagnostic::{Sink, at_or_above};
use ids::{IdKey, IdMap, prefix_of};
use rows::{
    ActorRow, ArticleRow, ArticleText, Batch, ClaimRow, MentionRow, SourceRow, SpanRecord,
    TEXT_HEAD_CHARS, TableFile, text_hash,
};
use rule::{Rule, RuleMeta};

/// The tables the engine reads, in order; each table's rules see the indexes of the
/// tables before it. `findings` is the checker's own output and is not read.
pub const READ_ORDER: [&str; 5] = ["actors", "sources", "articles", "claims", "mentions"];

/// Why a dataset could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The path is not a folder.
    #[error("{0}: not a dataset folder")]
    NotAFolder(PathBuf),
    /// A table file could not be read.
    #[error(transparent)]
    Dataset(#[from] DatasetError),
}

/// What a run found.
#[derive(Debug)]
pub struct Report {
    /// The dataset folder.
    pub dir: PathBuf,
    /// Every finding, in order: table-level first, then by article and position, then by
    /// table and record.
    pub diagnostics: Vec<Diagnostic>,
    /// Rows read per table, in reading order; missing tables are absent.
    pub rows: Vec<(&'static str, u64)>,
    /// The rules that ran, with their effective severity.
    pub rules: Vec<(&'static RuleMeta, Severity)>,
    /// Lowest severity that fails the run.
    pub fail_on: Severity,
}

impl Report {
    /// Findings of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether any finding is at or above the failing severity.
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| at_or_above(d.severity, self.fail_on))
    }

    /// The findings as `findings.parquet` records.
    pub fn findings(&self) -> Vec<Finding> {
        self.diagnostics.iter().map(Diagnostic::finding).collect()
    }

    /// `3 errors, 1 warning, 0 info`.
    pub fn summary(&self) -> String {
        let n = |s| self.count(s);
        let plural = |k: usize, word: &str| {
            if k == 1 {
                format!("{k} {word}")
            } else {
                format!("{k} {word}s")
            }
        };
        format!(
            "{}, {}, {} info",
            plural(n(Severity::Error), "error"),
            plural(n(Severity::Warning), "warning"),
            n(Severity::Info)
        )
    }
}

/// What became of the findings table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingsWrite {
    /// `findings.parquet` was written with this many rows.
    Written(u64),
    /// It was not written, for this reason (not a dataset, read-only, locked).
    Skipped(String),
}

/// Writes the report's findings to `findings.parquet` in the checked folder, atomically,
/// leaving the other tables alone; only into a claimset dataset (a folder with
/// `dataset.json`), whose manifest then lists it. A folder of tables written by other
/// tools, a dataset that cannot be written (read-only, no permission) or one another
/// process is writing is left as it is: [`FindingsWrite::Skipped`] says why.
pub fn write_findings(report: &Report) -> Result<FindingsWrite, DatasetError> {
    if !report.dir.join("dataset.json").is_file() {
        return Ok(FindingsWrite::Skipped(format!(
            "{} is not a claimset dataset (no dataset.json)",
            report.dir.display()
        )));
    }
    match replace_table(&report.dir, &report.findings()) {
        Ok(n) => Ok(FindingsWrite::Written(n)),
        Err(DatasetError::Io { path, source })
            if matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(FindingsWrite::Skipped(format!(
                "{} cannot be written: {source}",
                path.display()
            )))
        }
        Err(e @ DatasetError::Locked { .. }) => Ok(FindingsWrite::Skipped(e.to_string())),
        Err(e) => Err(e),
    }
}

/// A rule at work, with the sink of its findings.
struct Active {
    rule: Box<dyn Rule>,
    sink: Sink,
}

/// Calls `f` for every active rule with the rule's own sink, in rule order.
fn each(rules: &mut [Active], cx: &Context, mut f: impl FnMut(&mut dyn Rule, &Context, &mut Sink)) {
    for a in rules {
        f(a.rule.as_mut(), cx, &mut a.sink);
    }
}

/// Calls `f` for every active rule with the rule's own sink, the rules in parallel: for
/// hooks that leave the context as it is (a whole batch, claims, mentions). Findings do
/// not depend on the order, as each rule has its own sink.
fn each_par(
    rules: &mut [Active],
    cx: &Context,
    f: impl Fn(&mut dyn Rule, &Context, &mut Sink) + Sync,
) {
    // One task per rule, so that a few heavy rules spread over the threads.
    rules
        .par_iter_mut()
        .with_max_len(1)
        .for_each(|a| f(a.rule.as_mut(), cx, &mut a.sink));
}

struct Engine {
    rules: Vec<Active>,
    cx: Context,
    /// The order the tables came in, which decides how spans are read.
    order: ReadOrder,
    rows: Vec<(&'static str, u64)>,
}

impl Engine {
    /// The columns of `table` to read: every column unless each rule that runs names
    /// the ones it reads, and then those with the ones the engine itself reads.
    fn projection(&self, table: &str, texts: bool) -> Option<Vec<&'static str>> {
        let mut columns: Vec<&'static str> = match table {
            "articles" => vec!["article_id", "origin"],
            "claims" | "mentions" if texts => vec!["article_id", "start", "end", "text"],
            "claims" | "mentions" => Vec::new(),
            _ => return None,
        };
        if texts && table == "articles" {
            columns.push("text");
        }
        columns.extend(rows::primary_key(table));
        for a in &self.rules {
            columns.extend(a.rule.columns(table)?);
        }
        columns.sort_unstable();
        columns.dedup();
        Some(columns)
    }

    fn read_table(
        &mut self,
        table: &'static str,
        files: &[PathBuf],
        columns: Option<&[&str]>,
    ) -> Result<(), DatasetError> {
        let mut row = 0u64;
        for path in files {
            let partition = partition(self.cx.dir(), table, path);
            let schema = with_partition_fields(table, &*file_schema(path)?, &partition);
            let tf = TableFile {
                table,
                path,
                schema: &schema,
            };
            each(&mut self.rules, &self.cx, |r, cx, out| {
                r.table_file(&tf, cx, out)
            });
            let reader = batches(path, columns)?;
            let conformed = reader.map(|b| b.map(|b| conform(table, &b, &partition)));
            prefetched(conformed, |batch| {
                let Conformed { batch, casts } = batch?;
                let b = Batch {
                    table,
                    file: path,
                    data: &batch,
                    casts: &casts,
                    first_row: row,
                };
                self.read_batch(&b);
                row += batch.num_rows() as u64;
                Ok(())
            })?;
        }
        self.rows.push((table, row));
        each(&mut self.rules, &self.cx, |r, cx, out| {
            r.table_end(table, cx, out)
        });
        Ok(())
    }

    fn read_batch(&mut self, b: &Batch<'_>) {
        let Engine {
            rules, cx, order, ..
        } = self;
        each_par(rules, cx, |r, cx, out| r.batch(b, cx, out));
        // Each table's hooks see the indexes of the tables before it, so the rules run in
        // parallel over a batch's rows, and the rows join the indexes after.
        match b.table {
            "actors" => {
                let rows = ActorRow::decode(b);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.actor(row, cx, out))
                });
                rows.iter().for_each(|row| cx.add_actor(row));
            }
            "sources" => {
                let rows = SourceRow::decode(b);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.source(row, cx, out))
                });
                rows.iter().for_each(|row| cx.add_source(row));
            }
            "articles" => {
                let rows = ArticleRow::decode(b);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.article(row, cx, out))
                });
                for row in &rows {
                    let fresh = row.article_id.is_some_and(|id| cx.article(id).is_none());
                    order.articles_plain &= fresh && row.text.is_some();
                    cx.add_article(row);
                }
            }
            "claims" => {
                let rows = ClaimRow::decode(b);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.claim(row, cx, out))
                });
                for row in &rows {
                    order.see(0, cx, row.article_id, (row.start, row.end, row.text));
                }
            }
            "mentions" => {
                let rows = MentionRow::decode(b);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.mention(row, cx, out))
                });
                for row in &rows {
                    order.see(1, cx, row.article_id, (row.start, row.end, row.text));
                }
            }
            _ => {}
        }
    }

    /// Streams the article texts once more and hands each article, with its spans, to
    /// the rules. When claims and mentions come in the order of their articles (as
    /// `convert` writes them) they are streamed beside the texts, so only one article's
    /// spans are in memory; otherwise every span is read first and held by article.
    fn read_texts(
        &mut self,
        article_files: &[PathBuf],
        span_files: [&[PathBuf]; 2],
    ) -> Result<(), DatasetError> {
        let Engine {
            rules, cx, order, ..
        } = self;
        let cx: &Context = cx;
        let mut seen = IdMap::new("art_");
        let mut failed: Option<DatasetError> = None;
        if order.articles_plain && order.spans_ordered.iter().all(|o| *o) {
            std::thread::scope(|scope| -> Result<(), DatasetError> {
                let mut streams = [SPAN_TABLES[0], SPAN_TABLES[1]].map(|table| {
                    let files = if table == "claims" {
                        span_files[0]
                    } else {
                        span_files[1]
                    };
                    SpanStream::spawn(scope, cx, table, files)
                });
                for_each_texts(cx.dir(), article_files, |batch| {
                    let mut articles = Vec::with_capacity(batch.len());
                    for &(id, text) in batch {
                        if failed.is_some() || seen.insert_first(id, ()).is_some() {
                            continue;
                        }
                        let Some(rank) = cx.article_rank(id) else {
                            continue;
                        };
                        let mut spans = Vec::new();
                        for s in &mut streams {
                            if let Err(e) = s.take(rank, &mut spans) {
                                failed.get_or_insert(e);
                            }
                        }
                        articles.push((id, text, spans));
                    }
                    article_texts(rules, cx, &articles);
                })
            })?;
        } else {
            let mut held: Vec<Vec<SpanRecord>> = vec![Vec::new(); cx.articles().len()];
            for (table, files) in SPAN_TABLES.iter().zip(span_files) {
                for_each_span(cx, table, files, |rank, span| {
                    held[rank as usize].push(span)
                })?;
            }
            for_each_texts(cx.dir(), article_files, |batch| {
                let mut articles = Vec::with_capacity(batch.len());
                for &(id, text) in batch {
                    if seen.insert_first(id, ()).is_some() {
                        continue;
                    }
                    // The article's spans are freed once its rules have run.
                    let spans = cx
                        .article_rank(id)
                        .map(|rank| std::mem::take(&mut held[rank as usize]))
                        .unwrap_or_default();
                    articles.push((id, text, spans));
                }
                article_texts(rules, cx, &articles);
            })?;
        }
        failed.map_or(Ok(()), Err)
    }
}

/// Hands a batch of articles, with their spans, to the rules: the rules in parallel, each
/// over the articles in order.
fn article_texts(rules: &mut [Active], cx: &Context, articles: &[(&str, &str, Vec<SpanRecord>)]) {
    let texts: Vec<ArticleText> = articles
        .par_iter()
        .map(|(id, text, spans)| ArticleText::new(id, text, spans))
        .collect();
    each_par(rules, cx, |r, cx, out| {
        texts.iter().for_each(|at| r.article_text(at, cx, out))
    });
}

/// The tables whose rows have spans in article texts, in the order their spans are
/// handed to the rules.
const SPAN_TABLES: [&str; 2] = ["claims", "mentions"];

/// Whether the tables came in an order that lets spans be streamed beside the texts.
#[derive(Debug)]
struct ReadOrder {
    /// Every article row has an ID and a text, and no ID repeats: the texts are then
    /// visited in the order of [`Context::articles`].
    articles_plain: bool,
    /// Per span table: its spans come by article, in the order of the articles.
    spans_ordered: [bool; 2],
    last_rank: [u32; 2],
}

impl ReadOrder {
    fn new() -> Self {
        Self {
            articles_plain: true,
            spans_ordered: [true; 2],
            last_rank: [0; 2],
        }
    }

    /// Notes the article of a row of span table `t`, when the row has a span.
    fn see(
        &mut self,
        t: usize,
        cx: &Context,
        article_id: Option<&str>,
        (start, end, text): (Option<u32>, Option<u32>, Option<&str>),
    ) {
        if start.is_none() || end.is_none() || text.is_none() {
            return;
        }
        let Some(rank) = article_id.and_then(|a| cx.article_rank(a)) else {
            return;
        };
        if rank < self.last_rank[t] {
            self.spans_ordered[t] = false;
        }
        self.last_rank[t] = rank;
    }
}

/// One span table read on a thread of its own, its spans handed out article by article.
struct SpanStream {
    rx: std::sync::mpsc::Receiver<Result<Vec<(u32, SpanRecord)>, DatasetError>>,
    batch: std::collections::VecDeque<(u32, SpanRecord)>,
}

impl SpanStream {
    fn spawn<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        cx: &'env Context,
        table: &'static str,
        files: &'env [PathBuf],
    ) -> Self {
        let (tx, rx) = std::sync::mpsc::sync_channel(2);
        scope.spawn(move || {
            let mut batch = Vec::new();
            let sent = for_each_span(cx, table, files, |rank, span| {
                batch.push((rank, span));
                if batch.len() >= 4096 && tx.send(Ok(std::mem::take(&mut batch))).is_err() {
                    // The reader stopped; the remaining spans are not needed.
                }
            });
            let _ = match sent {
                Ok(()) => tx.send(Ok(batch)),
                Err(e) => tx.send(Err(e)),
            };
        });
        Self {
            rx,
            batch: std::collections::VecDeque::new(),
        }
    }

    /// Appends the spans of the article of `rank` to `out`, skipping any of earlier
    /// articles.
    fn take(&mut self, rank: u32, out: &mut Vec<SpanRecord>) -> Result<(), DatasetError> {
        loop {
            while let Some((r, _)) = self.batch.front() {
                if *r > rank {
                    return Ok(());
                }
                let (r, span) = self.batch.pop_front().expect("front exists");
                if r == rank {
                    out.push(span);
                }
            }
            match self.rx.recv() {
                Ok(batch) => self.batch.extend(batch?),
                Err(_) => return Ok(()),
            }
        }
    }
}

/// Calls `f` with the article rank and span of every row of a span table (`claims` or
/// `mentions`) that has a span in a known article, in table order.
fn for_each_span(
    cx: &Context,
    table: &'static str,
    files: &[PathBuf],
    mut f: impl FnMut(u32, SpanRecord),
) -> Result<(), DatasetError> {
    let columns: &[&str] = if table == "claims" {
        &[
            "claim_id",
            "article_id",
            "start",
            "end",
            "text",
            "source_id",
        ]
    } else {
        &["mention_id", "article_id", "start", "end", "text"]
    };
    for path in files {
        let partition = partition(cx.dir(), table, path);
        let reader = batches(path, Some(columns))?;
        for batch in reader {
            let batch = conform(table, &batch?, &partition).batch;
            let b = Batch {
                table,
                file: path,
                data: &batch,
                casts: &[],
                first_row: 0,
            };
            let mut keep = |record_id: Option<&str>,
                            article_id: Option<&str>,
                            (start, end, text): (Option<u32>, Option<u32>, Option<&str>),
                            source_id: Option<&str>| {
                let (Some(article), Some(start), Some(end), Some(text)) =
                    (article_id, start, end, text)
                else {
                    return;
                };
                let Some(rank) = cx.article_rank(article) else {
                    return;
                };
                f(
                    rank,
                    SpanRecord {
                        table,
                        record_id: record_id.map(|id| IdKey::new(id, prefix_of(table))),
                        start,
                        end,
                        text_hash: text_hash(text),
                        text_head: text.chars().take(TEXT_HEAD_CHARS).collect(),
                        source_id: source_id.map(|id| IdKey::new(id, "src_")),
                    },
                );
            };
            if table == "claims" {
                for row in ClaimRow::decode(&b) {
                    keep(
                        row.claim_id,
                        row.article_id,
                        (row.start, row.end, row.text),
                        row.source_id,
                    );
                }
            } else {
                for row in MentionRow::decode(&b) {
                    keep(
                        row.mention_id,
                        row.article_id,
                        (row.start, row.end, row.text),
                        None,
                    );
                }
            }
        }
    }
    Ok(())
}

/// Hands the items of `items` to `f` in order, while a second thread produces the next
/// ones (decoding the next Parquet batch while the rules work on this one). Stops at the
/// first error `f` returns.
fn prefetched<T: Send, E>(
    items: impl Iterator<Item = T> + Send,
    mut f: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(2);
        scope.spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    break;
                }
            }
        });
        // On an error the receiver is dropped, which stops the producer.
        rx.into_iter().try_for_each(&mut f)
    })
}

/// Calls `f` with the ID and text of every article row in `files`, one batch at a time.
fn for_each_text(
    dir: &Path,
    files: &[PathBuf],
    mut f: impl FnMut(&str, &str),
) -> Result<(), DatasetError> {
    for_each_texts(dir, files, |batch| {
        batch.iter().for_each(|&(id, text)| f(id, text))
    })
}

/// Calls `f` with the IDs and texts of the article rows in `files` that have both, a
/// batch at a time.
fn for_each_texts(
    dir: &Path,
    files: &[PathBuf],
    mut f: impl FnMut(&[(&str, &str)]),
) -> Result<(), DatasetError> {
    for path in files {
        let partition = partition(dir, "articles", path);
        let reader = batches(path, Some(&["article_id", "text"]))?;
        let conformed = reader.map(|b| b.map(|b| conform("articles", &b, &partition).batch));
        prefetched(conformed, |batch| {
            let batch = batch?;
            let b = Batch {
                table: "articles",
                file: path,
                data: &batch,
                casts: &[],
                first_row: 0,
            };
            let (ids, texts) = (b.strings("article_id"), b.strings("text"));
            let rows: Vec<(&str, &str)> = (0..b.len())
                .filter_map(|i| ids.get(i).zip(texts.get(i)))
                .collect();
            f(&rows);
            Ok(())
        })?;
    }
    Ok(())
}

/// Checks the dataset in `dir` with the given settings.
pub fn check(dir: &Path, settings: &Settings) -> Result<Report, CheckError> {
    if !dir.is_dir() {
        return Err(CheckError::NotAFolder(dir.to_path_buf()));
    }
    let mut engine = Engine {
        rules: settings
            .rules
            .iter()
            .map(|(entry, severity)| Active {
                rule: entry.instantiate(),
                sink: Sink::for_rule(entry.meta, *severity),
            })
            .collect(),
        cx: Context::new(dir, settings.options.clone()),
        order: ReadOrder::new(),
        rows: Vec::new(),
    };
    // Hashing every file is only worth it when a manifest rule runs.
    let manifest_rules = settings
        .rules
        .iter()
        .any(|(entry, _)| entry.meta.group() == rule::Group::Manifest);
    if manifest_rules {
        engine.cx.set_manifest(audit(dir)?);
    }
    let mut files = Vec::new();
    for table in READ_ORDER {
        let found = table_files(dir, table)?;
        if found.is_empty() {
            engine.cx.mark_missing(table);
            each(&mut engine.rules, &engine.cx, |r, cx, out| {
                r.missing_table(table, cx, out)
            });
        }
        files.push((table, found));
    }
    // Texts and spans are read again only for rules that look at them.
    let texts = engine.rules.iter().any(|a| a.rule.reads_texts());
    for (table, found) in &files {
        let columns = engine.projection(table, texts);
        engine.read_table(table, found, columns.as_deref())?;
    }
    let files_of = |table: &str| {
        files
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(&[][..], |(_, f)| f.as_slice())
    };
    let article_files = files_of("articles");
    if texts {
        engine.read_texts(article_files, [files_of("claims"), files_of("mentions")])?;
    }
    each(&mut engine.rules, &engine.cx, |r, cx, out| {
        r.finish(cx, out)
    });

    // Sized once: the findings are the largest thing a run holds.
    let total = engine.rules.iter().map(|a| a.sink.len()).sum();
    let mut diagnostics: Vec<Diagnostic> = Vec::with_capacity(total);
    for a in std::mem::take(&mut engine.rules) {
        diagnostics.extend(a.sink.into_diagnostics());
    }
    place_all(
        &mut diagnostics,
        &engine.cx,
        article_files,
        settings.excerpts,
    )?;
    sort(&mut diagnostics, &engine.cx);
    Ok(Report {
        dir: dir.to_path_buf(),
        diagnostics,
        rows: engine.rows,
        rules: settings
            .rules
            .iter()
            .map(|(entry, sev)| (entry.meta, *sev))
            .collect(),
        fail_on: settings.fail_on,
    })
}

/// Places every finding that has an article in its text and its input file; spans that
/// do not fit the article text (or whose article is unknown) are dropped.
fn place_all(
    diagnostics: &mut [Diagnostic],
    cx: &Context,
    article_files: &[PathBuf],
    excerpts: bool,
) -> Result<(), DatasetError> {
    let mut wanted: IdMap<Vec<usize>> = IdMap::new("art_");
    for (i, d) in diagnostics.iter().enumerate() {
        if let Some(a) = &d.loc.article_id {
            wanted.entry_or_insert_with(a, Vec::new).push(i);
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    let mut inputs = locate::InputLocator::default();
    for_each_text(cx.dir(), article_files, |id, text| {
        let Some(found) = wanted.remove(id) else {
            return;
        };
        let origin = cx.article(id).and_then(|a| a.origin.clone());
        let index = locate::TextIndex::new(text);
        inputs.next_article();
        for k in found {
            let d = &mut diagnostics[k];
            d.origin = origin.clone();
            let span = d.loc.span;
            d.place = span
                .and_then(|(s, e)| index.place(s, e, excerpts))
                .map(Box::new);
            if d.place.is_none() {
                d.loc.span = None;
            }
            let placed = d.place.is_some();
            d.input = origin.as_ref().and_then(|o| {
                inputs
                    .locate(o, || {
                        span.filter(|_| placed)
                            .and_then(|(s, e)| index.needle(s, e))
                    })
                    .map(Box::new)
            });
        }
    })?;
    for found in wanted.into_values() {
        for k in found {
            diagnostics[k].loc.span = None;
        }
    }
    Ok(())
}

/// Sorts findings: table-level first, then those in articles (by article order and
/// position), then other records (by table and ID); ties by rule code and message.
/// Positions are sorted, then the findings moved into place, so that no second copy of
/// them is made.
fn sort(diagnostics: &mut [Diagnostic], cx: &Context) {
    let table_rank = |t: &str| READ_ORDER.iter().position(|x| *x == t).unwrap_or(9);
    // Each finding's tier and article rank are found once; the rest of the order
    // compares the findings' own fields, copying none of them.
    let keys: Vec<(u8, u32)> = diagnostics
        .iter()
        .map(|d| {
            let l = &d.loc;
            let tier = match (&l.article_id, &l.record_id) {
                (None, None) => 0,
                (Some(_), _) => 1,
                (None, Some(_)) => 2,
            };
            let rank = l
                .article_id
                .as_deref()
                .map_or(0, |a| cx.article_rank(a).unwrap_or(u32::MAX));
            (tier, rank)
        })
        .collect();
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&diagnostics[i], &diagnostics[j]);
        let (la, lb) = (&a.loc, &b.loc);
        keys[i]
            .cmp(&keys[j])
            .then_with(|| la.article_id.cmp(&lb.article_id))
            .then_with(|| la.span.cmp(&lb.span))
            .then_with(|| table_rank(la.table).cmp(&table_rank(lb.table)))
            .then_with(|| la.file.cmp(&lb.file))
            .then_with(|| la.record_id.cmp(&lb.record_id))
            .then_with(|| a.rule.code.cmp(b.rule.code))
            .then_with(|| a.message.cmp(&b.message))
    });
    permute(diagnostics, order);
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`, cycle by cycle.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != k {
            let from = std::mem::replace(&mut order[k], k);
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn permute_moves_each_item_to_its_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        super::permute(&mut items, vec![2, 0, 1, 4, 3]);
        assert_eq!(items, vec!['c', 'a', 'b', 'e', 'd']);
        let mut items = vec![1, 2, 3];
        super::permute(&mut items, vec![0, 1, 2]);
        assert_eq!(items, vec![1, 2, 3]);
    }
}
