//! `claimset check`: a rule engine that validates a dataset folder and reports what is
//! wrong as findings (data), failing only when the dataset cannot be read (errors).
//!
//! The engine streams each table's Parquet files as Arrow record batches, in the order
//! actors, sources, articles, claims, mentions, and keeps only compact indexes (IDs,
//! names, kinds, origins; hashes and offsets of spans), never the text columns. Rules
//! (one file each under `rules/`, listed in `registry`) are called per file, batch and
//! row, then once per article with its text and spans, then once at the end. When a
//! rule that runs reads the texts (the span rules), the first reading of `articles`
//! builds the index alone, and the article rows go to the rules after the mentions,
//! beside their texts and spans: each text is decoded once, and the findings of an
//! article are placed in its text and input file while the text is at hand. Otherwise
//! findings are placed at the end. The renderers (`render/`) print them and they can be
//! written back as `findings.parquet`.

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

use crate::dataset::conform::{Conformed, conform_views, with_partition_fields};
use crate::dataset::stream::{batches, batches_of, file_schema, partition, table_files};
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

/// Decodes the rows of `b` while the rules' batch hooks run.
fn decode_beside<'a, T: Send>(
    rules: &mut [Active],
    cx: &Context,
    b: &Batch<'a>,
    decode: impl FnOnce(&Batch<'a>) -> Vec<T> + Send,
) -> Vec<T> {
    let batch_hooks = || each_par(rules, cx, |r, cx, out| r.batch(b, cx, out));
    rayon::join(|| decode(b), batch_hooks).0
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

/// A row's `article_id`, and its `start`, `end` and `text`.
type RowSpan<'r> = (Option<&'r str>, (Option<u32>, Option<u32>, Option<&'r str>));

/// A row with a span in an article: a claim or a mention.
trait Spanned: Sync {
    /// Its `article_id`, and its `start`, `end` and `text`.
    fn span(&self) -> RowSpan<'_>;
}

impl Spanned for ClaimRow<'_> {
    fn span(&self) -> RowSpan<'_> {
        (self.article_id, (self.start, self.end, self.text))
    }
}

impl Spanned for MentionRow<'_> {
    fn span(&self) -> RowSpan<'_> {
        (self.article_id, (self.start, self.end, self.text))
    }
}

/// Runs the rules' row hook `hook` over a batch of spanned rows, the rules in parallel,
/// while the rows' spans are noted (table `t` of [`ReadOrder`]) for the pass over the
/// texts.
fn spanned_rows<T: Spanned>(
    rules: &mut [Active],
    cx: &Context,
    order: &mut ReadOrder,
    t: usize,
    rows: &[T],
    hook: impl Fn(&mut dyn Rule, &T, &Context, &mut Sink) + Sync,
) {
    rayon::join(
        || {
            each_par(rules, cx, |r, cx, out| {
                rows.iter().for_each(|row| hook(r, row, cx, out))
            })
        },
        || {
            for row in rows {
                let (article_id, span) = row.span();
                order.see(t, cx, article_id, span);
            }
        },
    );
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
            let conformed = reader.map(|b| b.map(|b| conform_views(table, &b, &partition)));
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
        // Each table's hooks see the indexes of the tables before it, so the rules run in
        // parallel over a batch's rows, and the rows join the indexes after. The batch
        // hooks run while the rows are decoded.
        match b.table {
            "actors" => {
                let rows = decode_beside(rules, cx, b, ActorRow::decode);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.actor(row, cx, out))
                });
                rows.iter().for_each(|row| cx.add_actor(row));
            }
            "sources" => {
                let rows = decode_beside(rules, cx, b, SourceRow::decode);
                each_par(rules, cx, |r, cx, out| {
                    rows.iter().for_each(|row| r.source(row, cx, out))
                });
                rows.iter().for_each(|row| cx.add_source(row));
            }
            "articles" => {
                let rows = decode_beside(rules, cx, b, ArticleRow::decode);
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
                let rows = decode_beside(rules, cx, b, ClaimRow::decode);
                spanned_rows(rules, cx, order, 0, &rows, |r, row, cx, out| {
                    r.claim(row, cx, out)
                });
            }
            "mentions" => {
                let rows = decode_beside(rules, cx, b, MentionRow::decode);
                spanned_rows(rules, cx, order, 1, &rows, |r, row, cx, out| {
                    r.mention(row, cx, out)
                });
            }
            _ => each_par(rules, cx, |r, cx, out| r.batch(b, cx, out)),
        }
    }

    /// Builds the article index (IDs and origins) from the `articles` table alone, for
    /// a run whose rules see the article rows later, beside their texts
    /// ([`Engine::read_texts`]): the texts are then decoded once.
    fn index_articles(&mut self, files: &[PathBuf]) -> Result<(), DatasetError> {
        let mut row = 0u64;
        for path in files {
            let partition = partition(self.cx.dir(), "articles", path);
            for batch in batches(path, Some(&["article_id", "origin"]))? {
                let batch = conform_views("articles", &batch?, &partition).batch;
                let b = Batch {
                    table: "articles",
                    file: path,
                    data: &batch,
                    casts: &[],
                    first_row: row,
                };
                for r in ArticleRow::decode(&b) {
                    // Texts are visited in the order of the index when no ID repeats.
                    if let Some(id) = r.article_id {
                        self.order.articles_plain &= self.cx.article(id).is_none();
                    }
                    self.cx.add_article(&r);
                }
                row += batch.num_rows() as u64;
            }
        }
        self.rows.push(("articles", row));
        Ok(())
    }

    /// Streams the `articles` table once more (with the columns in `columns`) and hands
    /// its rows to the rules, then each article's text with its spans, a batch at a time,
    /// and places the findings of each article while its text is at hand. When claims
    /// and mentions come in the order of their articles (as `convert` writes them) their
    /// spans are streamed beside the texts, so only one batch of articles' spans is in
    /// memory; otherwise every span is read first and held by article.
    fn read_texts(
        &mut self,
        article_files: &[PathBuf],
        span_files: [&[PathBuf]; 2],
        columns: Option<&[&str]>,
        placer: &mut Placer,
    ) -> Result<(), DatasetError> {
        let Engine {
            rules, cx, order, ..
        } = self;
        let cx: &Context = cx;
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
                read_articles(rules, cx, article_files, columns, placer, |rank, spans| {
                    if failed.is_some() {
                        return false;
                    }
                    for s in &mut streams {
                        if let Err(e) = s.take(rank, spans) {
                            failed.get_or_insert(e);
                        }
                    }
                    true
                })
            })?;
        } else {
            let mut held: Vec<Vec<SpanRecord>> = vec![Vec::new(); cx.articles().len()];
            for (table, files) in SPAN_TABLES.iter().zip(span_files) {
                for_each_span(cx, table, files, |rank, span| {
                    held[rank as usize].push(span)
                })?;
            }
            read_articles(rules, cx, article_files, columns, placer, |rank, spans| {
                // The article's spans are freed once its rules have run.
                *spans = std::mem::take(&mut held[rank as usize]);
                true
            })?;
        }
        failed.map_or(Ok(()), Err)
    }
}

/// When a rule reported a finding, in the order of the hooks of a run that reads each
/// table's rows in turn: the articles' rows, the other tables' rows, the texts, the end.
/// Findings of one article are placed in this order (see [`locate::MAX_NEEDLES`]).
mod phase {
    pub const ARTICLE_ROWS: u8 = 0;
    pub const TABLES: u8 = 1;
    pub const TEXTS: u8 = 2;
    pub const FINISH: u8 = 3;
}

/// Articles per batch when their texts are read with their rows: a few hundred texts
/// of a few kilobytes keep both threads busy, and little memory in flight.
const TEXT_BATCH_ROWS: usize = 256;

/// Streams the rows of the `articles` table to the rules (file, batch and row hooks)
/// and, for the first row of each article ID that has a text, the text with the spans
/// `spans_of` gives for the article's rank (`false` to hand no more texts); then places
/// the findings of those articles.
fn read_articles(
    rules: &mut [Active],
    cx: &Context,
    files: &[PathBuf],
    columns: Option<&[&str]>,
    placer: &mut Placer,
    mut spans_of: impl FnMut(u32, &mut Vec<SpanRecord>) -> bool,
) -> Result<(), DatasetError> {
    let mut seen = IdMap::new("art_");
    let mut row = 0u64;
    for path in files {
        let partition = partition(cx.dir(), "articles", path);
        let schema = with_partition_fields("articles", &*file_schema(path)?, &partition);
        let tf = TableFile {
            table: "articles",
            path,
            schema: &schema,
        };
        each(rules, cx, |r, cx, out| r.table_file(&tf, cx, out));
        let reader = batches_of(path, columns, TEXT_BATCH_ROWS)?;
        let conformed = reader.map(|b| b.map(|b| conform_views("articles", &b, &partition)));
        prefetched(conformed, |batch| {
            let Conformed { batch, casts } = batch?;
            let b = Batch {
                table: "articles",
                file: path,
                data: &batch,
                casts: &casts,
                first_row: row,
            };
            row += batch.num_rows() as u64;
            let rows = ArticleRow::decode(&b);
            let mut articles = Vec::new();
            for r in &rows {
                let (Some(id), Some(text)) = (r.article_id, r.text) else {
                    continue;
                };
                if seen.insert_first(id, ()).is_some() {
                    continue;
                }
                let Some(rank) = cx.article_rank(id) else {
                    continue;
                };
                let mut spans = Vec::new();
                if spans_of(rank, &mut spans) {
                    articles.push((id, text, spans));
                }
            }
            let texts: Vec<ArticleText> = articles
                .par_iter()
                .map(|(id, text, spans)| ArticleText::new(id, text, spans))
                .collect();
            // One task per rule: the batch, its rows, then the texts; where each phase
            // starts in the rule's findings is noted for the placing.
            let marks: Vec<[usize; 3]> = rules
                .par_iter_mut()
                .with_max_len(1)
                .map(|a| {
                    let (rule, out) = (a.rule.as_mut(), &mut a.sink);
                    let first = out.len();
                    out.mark(phase::ARTICLE_ROWS);
                    rule.batch(&b, cx, out);
                    rows.iter().for_each(|row| rule.article(row, cx, out));
                    let texts_from = out.len();
                    out.mark(phase::TEXTS);
                    texts.iter().for_each(|at| rule.article_text(at, cx, out));
                    [first, texts_from, out.len()]
                })
                .collect();
            placer.place_batch(rules, cx, &marks, texts);
            Ok(())
        })?;
    }
    Ok(())
}

/// A finding waiting to be placed: its article's rank, the rule's position, the
/// [`phase`] it was reported in and its position in the rule's findings. Sorted, the
/// findings of an article come in the order [`place_all`] places them.
type Wanted = (u32, u32, u8, u32);

/// Places findings in their article's text and input file while the texts are read:
/// each article's findings when its text comes, in the order of [`place_all`] (rule by
/// rule, each rule's in the order of [`phase`]).
struct Placer {
    /// The findings reported before the texts were read, sorted.
    before: Vec<Wanted>,
    /// Findings reported while the texts are read, for articles whose text has not come
    /// yet, sorted.
    waiting: Vec<Wanted>,
    /// Findings whose article's text had come and gone when they were reported.
    late: Vec<Wanted>,
    /// Findings of articles that are not in the index: their span is dropped.
    lost: Vec<(u32, u32)>,
    /// Per article rank, whether its text has come.
    visited: Vec<bool>,
    /// Where the findings placed so far are, kept compact until the texts have gone.
    placed: Vec<Placed>,
    inputs: locate::InputLocator,
    excerpts: bool,
}

/// Where a finding was placed, in a few bytes: its rule's position and its position in
/// the rule's findings, its place in the text (line 0: none) and in its input file.
struct Placed {
    r: u32,
    k: u32,
    place: [u32; 4],
    input: CompactInput,
}

/// An [`InputPos`](diagnostic::InputPos) whose path is the article's origin or the
/// origin without its `:LINE` suffix.
enum CompactInput {
    None,
    Origin(Option<u32>, Option<u32>),
    Split(Option<u32>, Option<u32>),
}

impl Placed {
    /// The compact form of diagnostic `k` of rule `r` once placed; `None` when a value
    /// does not fit (then the diagnostic keeps its own).
    fn of(r: usize, k: usize, d: &Diagnostic) -> Option<Self> {
        let fit = |v: usize| u32::try_from(v).ok();
        let fit_opt = |v: Option<usize>| match v {
            Some(v) => fit(v).map(Some),
            None => Some(None),
        };
        if d.place.as_ref().is_some_and(|p| !p.excerpt.is_empty()) {
            return None;
        }
        let place = match d.place.as_deref() {
            Some(p) => [
                fit(p.line)?,
                fit(p.column)?,
                fit(p.end_line)?,
                fit(p.end_column)?,
            ],
            None => [0; 4],
        };
        if place[0] == 0 && d.place.is_some() {
            return None;
        }
        let input = match (d.input.as_deref(), &d.origin) {
            (None, _) => CompactInput::None,
            (Some(i), Some(o)) => {
                let (line, column) = (fit_opt(i.line)?, fit_opt(i.column)?);
                if std::sync::Arc::ptr_eq(&i.path, o) {
                    CompactInput::Origin(line, column)
                } else if locate::origin_path(o) == Some(&*i.path) {
                    CompactInput::Split(line, column)
                } else {
                    return None;
                }
            }
            (Some(_), None) => return None,
        };
        Some(Placed {
            r: r as u32,
            k: k as u32,
            place,
            input,
        })
    }
}

/// The findings of article `rank` in sorted `found`.
fn of_rank(found: &[Wanted], rank: u32) -> &[Wanted] {
    let from = found.partition_point(|w| w.0 < rank);
    let to = from + found[from..].partition_point(|w| w.0 == rank);
    &found[from..to]
}

impl Placer {
    /// A placer of the findings the rules reported so far.
    fn new(rules: &[Active], cx: &Context, excerpts: bool) -> Self {
        let mut placer = Self {
            before: Vec::new(),
            waiting: Vec::new(),
            late: Vec::new(),
            lost: Vec::new(),
            visited: vec![false; cx.articles().len()],
            placed: Vec::new(),
            inputs: locate::InputLocator::default(),
            excerpts,
        };
        let mut before = Vec::new();
        for (r, a) in rules.iter().enumerate() {
            let found = a.sink.diagnostics();
            placer.want(cx, r, 0..found.len(), |_| phase::TABLES, found, &mut before);
        }
        before.sort_unstable();
        placer.before = before;
        placer
    }

    /// Notes findings `range` of rule `r` that have an article, in `into` (or in
    /// `late` or `lost`).
    fn want(
        &mut self,
        cx: &Context,
        r: usize,
        range: std::ops::Range<usize>,
        phase_of: impl Fn(usize) -> u8,
        found: &[Diagnostic],
        into: &mut Vec<Wanted>,
    ) {
        let mut last = LastArticle::default();
        for k in range {
            let Some(a) = &found[k].loc.article_id else {
                continue;
            };
            let (r, k32) = (r as u32, k as u32);
            match last.rank(cx, a) {
                None => self.lost.push((r, k32)),
                Some(rank) if self.visited[rank as usize] => {
                    self.late.push((rank, r, phase_of(k), k32))
                }
                Some(rank) => into.push((rank, r, phase_of(k), k32)),
            }
        }
    }

    /// After the rules have seen a batch of articles (`marks`: per rule, where its
    /// findings of the batch, of their texts and the end are): places the findings of
    /// the articles whose texts came.
    fn place_batch(
        &mut self,
        rules: &mut [Active],
        cx: &Context,
        marks: &[[usize; 3]],
        texts: Vec<ArticleText<'_>>,
    ) {
        let mut waiting = std::mem::take(&mut self.waiting);
        for (r, (a, [first, texts_from, end])) in rules.iter().zip(marks).enumerate() {
            let texts_from = *texts_from;
            let phase_of = |k| {
                if k < texts_from {
                    phase::ARTICLE_ROWS
                } else {
                    phase::TEXTS
                }
            };
            let found = a.sink.diagnostics();
            self.want(cx, r, *first..*end, phase_of, found, &mut waiting);
        }
        waiting.sort_unstable();
        for at in texts {
            let Some(rank) = cx.article_rank(at.article_id) else {
                continue;
            };
            self.visited[rank as usize] = true;
            let mut found = of_rank(&self.before, rank).to_vec();
            found.extend_from_slice(of_rank(&waiting, rank));
            if found.is_empty() {
                continue;
            }
            let (text, chars) = at.into_parts();
            let index = locate::TextIndex::with_code_points(text, chars);
            self.place_article(rules, cx, at_id(cx, rank), found, &index);
        }
        waiting.retain(|w| !self.visited[w.0 as usize]);
        self.waiting = waiting;
    }

    /// Places findings `found` of one article, sorted here, in its text.
    fn place_article(
        &mut self,
        rules: &mut [Active],
        cx: &Context,
        id: &str,
        mut found: Vec<Wanted>,
        index: &locate::TextIndex<'_>,
    ) {
        found.sort_unstable();
        let origin = cx.article(id).and_then(|a| a.origin.clone());
        self.inputs.next_article();
        for (_, r, _, k) in found {
            let d = rules[r as usize].sink.get_mut(k as usize);
            place(d, &origin, index, &mut self.inputs, self.excerpts);
            // Kept compact until the texts have gone; the origin stays.
            if let Some(p) = Placed::of(r as usize, k as usize, d) {
                (d.place, d.input) = (None, None);
                self.placed.push(p);
            }
        }
    }

    /// Gives the findings kept compact their place and input position again.
    fn unpack(&mut self, rules: &mut [Active]) {
        let mut last_split: Option<std::sync::Arc<str>> = None;
        for p in std::mem::take(&mut self.placed) {
            let d = rules[p.r as usize].sink.get_mut(p.k as usize);
            let [line, column, end_line, end_column] = p.place.map(|v| v as usize);
            if line > 0 {
                d.place = Some(Box::new(diagnostic::Place {
                    line,
                    column,
                    end_line,
                    end_column,
                    excerpt: String::new(),
                    excerpt_range: 0..0,
                }));
            }
            let widen = |v: Option<u32>| v.map(|v| v as usize);
            let origin = || {
                d.origin
                    .clone()
                    .expect("findings with an input have an origin")
            };
            let (path, line, column) = match p.input {
                CompactInput::None => continue,
                CompactInput::Origin(line, column) => (origin(), line, column),
                CompactInput::Split(line, column) => {
                    let origin = origin();
                    let path = locate::origin_path(&origin).expect("split before");
                    let shared = last_split.take().filter(|p| &**p == path);
                    let path = shared.unwrap_or_else(|| std::sync::Arc::from(path));
                    last_split = Some(path.clone());
                    (path, line, column)
                }
            };
            d.input = Some(Box::new(diagnostic::InputPos {
                path,
                line: widen(line),
                column: widen(column),
            }));
        }
    }

    /// After the rules' last hooks (`finish_from`: where each rule's findings reported
    /// after the texts start): places what is left. Findings of articles whose text
    /// never came lose their span; findings reported after their article's text came
    /// are placed without it when they have no span, and otherwise their article's
    /// findings are all placed again, in order, from one more reading of the texts.
    fn finish(
        mut self,
        rules: &mut [Active],
        cx: &Context,
        finish_from: &[usize],
        article_files: &[PathBuf],
    ) -> Result<(), DatasetError> {
        self.unpack(rules);
        let mut waiting = std::mem::take(&mut self.waiting);
        for ((r, a), &from) in rules.iter().enumerate().zip(finish_from) {
            let found = a.sink.diagnostics();
            let phase_of = |k| a.sink.phase_of(k, phase::TABLES);
            self.want(cx, r, from..found.len(), phase_of, found, &mut waiting);
        }
        let unvisited = self.before.iter().filter(|w| !self.visited[w.0 as usize]);
        let lost = unvisited.chain(&waiting).map(|w| (w.1, w.3));
        for (r, k) in lost.chain(self.lost.iter().copied()) {
            rules[r as usize].sink.get_mut(k as usize).loc.span = None;
        }
        // Late findings without a span need no text; the articles of the others are
        // placed again.
        let mut again = vec![false; self.visited.len()];
        for &(rank, r, _, k) in &self.late {
            let d = rules[r as usize].sink.get_mut(k as usize);
            if d.loc.span.is_some() {
                again[rank as usize] = true;
                continue;
            }
            let origin = cx.articles()[rank as usize].origin.clone();
            d.origin = origin.clone();
            d.input = origin
                .as_ref()
                .and_then(|o| self.inputs.locate(o, || None))
                .map(Box::new);
        }
        if !again.contains(&true) {
            return Ok(());
        }
        // Every finding of those articles, in order.
        let mut found: Vec<Wanted> = Vec::new();
        for (r, a) in rules.iter().enumerate() {
            for (k, d) in a.sink.diagnostics().iter().enumerate() {
                let rank = d
                    .loc
                    .article_id
                    .as_deref()
                    .and_then(|id| cx.article_rank(id));
                if let Some(rank) = rank.filter(|&rank| again[rank as usize]) {
                    let phase = a.sink.phase_of(k, phase::TABLES);
                    found.push((rank, r as u32, phase, k as u32));
                }
            }
        }
        found.sort_unstable();
        for_each_text(cx.dir(), article_files, |id, text| {
            let Some(rank) = cx.article_rank(id).filter(|&rank| again[rank as usize]) else {
                return;
            };
            again[rank as usize] = false;
            let index = locate::TextIndex::new(text);
            let found = of_rank(&found, rank).to_vec();
            self.place_article(rules, cx, id, found, &index);
        })
    }
}

/// The ID of the article of `rank`.
fn at_id(cx: &Context, rank: u32) -> &str {
    &cx.articles()[rank as usize].id
}

/// Places one finding of an article in its text (`index`) and input file.
fn place(
    d: &mut Diagnostic,
    origin: &Option<std::sync::Arc<str>>,
    index: &locate::TextIndex<'_>,
    inputs: &mut locate::InputLocator,
    excerpts: bool,
) {
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
    /// The article of the last rows, per span table.
    last: [LastArticle; 2],
}

/// The rank of the article of the last row looked up: rows come by article, so most
/// lookups are the last one again.
#[derive(Debug, Default)]
struct LastArticle {
    id: String,
    rank: Option<u32>,
}

impl LastArticle {
    fn rank(&mut self, cx: &Context, id: &str) -> Option<u32> {
        if self.id != id {
            self.id.clear();
            self.id.push_str(id);
            self.rank = cx.article_rank(id);
        }
        self.rank
    }
}

impl ReadOrder {
    fn new() -> Self {
        Self {
            articles_plain: true,
            spans_ordered: [true; 2],
            last_rank: [0; 2],
            last: Default::default(),
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
        let Some(rank) = article_id.and_then(|a| self.last[t].rank(cx, a)) else {
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
    let mut last = LastArticle::default();
    for path in files {
        let partition = partition(cx.dir(), table, path);
        let reader = batches(path, Some(columns))?;
        for batch in reader {
            let batch = conform_views(table, &batch?, &partition).batch;
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
                let Some(rank) = last.rank(cx, article) else {
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
                        text_head: text_head(text).to_string(),
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

/// The first [`TEXT_HEAD_CHARS`] characters of `text`.
fn text_head(text: &str) -> &str {
    let end = text.char_indices().nth(TEXT_HEAD_CHARS);
    &text[..end.map_or(text.len(), |(i, _)| i)]
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

/// Calls `f` with the ID and text of every article row in `files` that has both, in
/// table order.
fn for_each_text(
    dir: &Path,
    files: &[PathBuf],
    mut f: impl FnMut(&str, &str),
) -> Result<(), DatasetError> {
    for path in files {
        let partition = partition(dir, "articles", path);
        let reader = batches_of(path, Some(&["article_id", "text"]), TEXT_BATCH_ROWS)?;
        let conformed = reader.map(|b| b.map(|b| conform_views("articles", &b, &partition).batch));
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
            for i in 0..b.len() {
                if let (Some(id), Some(text)) = (ids.get(i), texts.get(i)) {
                    f(id, text);
                }
            }
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
    // Texts and spans are read again only for rules that look at them; the article
    // rows then go to the rules beside their texts, and the first reading of the
    // articles builds the index alone.
    let texts = engine.rules.iter().any(|a| a.rule.reads_texts());
    for (table, found) in &files {
        if texts && *table == "articles" {
            engine.index_articles(found)?;
        } else {
            let columns = engine.projection(table, texts);
            engine.read_table(table, found, columns.as_deref())?;
        }
    }
    let files_of = |table: &str| {
        files
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(&[][..], |(_, f)| f.as_slice())
    };
    let article_files = files_of("articles");
    let placer = if texts {
        let mut placer = Placer::new(&engine.rules, &engine.cx, settings.excerpts);
        let columns = engine.projection("articles", texts);
        engine.read_texts(
            article_files,
            [files_of("claims"), files_of("mentions")],
            columns.as_deref(),
            &mut placer,
        )?;
        Some(placer)
    } else {
        None
    };
    // What the rules report from now on is placed at the end.
    let finish_from: Vec<usize> = engine.rules.iter().map(|a| a.sink.len()).collect();
    if texts {
        for a in &mut engine.rules {
            a.sink.mark(phase::ARTICLE_ROWS);
        }
        each(&mut engine.rules, &engine.cx, |r, cx, out| {
            r.table_end("articles", cx, out)
        });
    }
    for a in &mut engine.rules {
        a.sink.mark(phase::FINISH);
    }
    each(&mut engine.rules, &engine.cx, |r, cx, out| {
        r.finish(cx, out)
    });
    if let Some(placer) = placer {
        placer.finish(&mut engine.rules, &engine.cx, &finish_from, article_files)?;
    }

    let mut diagnostics = collect(std::mem::take(&mut engine.rules));
    if !texts {
        place_all(
            &mut diagnostics,
            &engine.cx,
            article_files,
            settings.excerpts,
        )?;
    }
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

/// The findings of every rule, in rule order. The findings are the largest thing a run
/// holds, so they are gathered into the largest rule's own list when it has room
/// (sinks grow by doubling), rather than into a new one beside them.
fn collect(rules: Vec<Active>) -> Vec<Diagnostic> {
    let total: usize = rules.iter().map(|a| a.sink.len()).sum();
    let largest = (0..rules.len()).max_by_key(|&i| rules[i].sink.len());
    let mut sinks: Vec<Vec<Diagnostic>> = rules
        .into_iter()
        .map(|a| a.sink.into_diagnostics())
        .collect();
    let Some(j) = largest else {
        return Vec::new();
    };
    let mut out = std::mem::take(&mut sinks[j]);
    out.reserve_exact(total - out.len());
    let before: Vec<Diagnostic> = sinks[..j].iter_mut().flat_map(std::mem::take).collect();
    out.splice(0..0, before);
    for s in &mut sinks[j + 1..] {
        out.append(s);
    }
    out
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
            place(&mut diagnostics[k], &origin, &index, &mut inputs, excerpts);
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
