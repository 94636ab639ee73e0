//! Text → records: normalise, segment, find quotes, actors and attributions, and build
//! the article's claims, sources, actors and mentions with code-point offsets.
//!
//! Extraction never fails: odd text yields conversion notes, not errors.

pub mod attribution;
pub mod entities;
pub mod lexicon;
pub mod normalize;
pub mod quotes;
pub mod segment;
mod tree;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::ingest::Document;
use crate::model::{
    Actor, ActorId, ActorKind, Article, ArticleId, Claim, ClaimId, ClaimKind, Mention, MentionId,
    Source, SourceId, SourceKind,
};
use attribution::{ClaimDraft, Context, History, SourceDraft, quoted_stretches};
use entities::{ArticleActors, EntityMatcher, find_actors};
use lexicon::Lexicon;
use normalize::{PARAGRAPH_BREAK, normalize, tidy_line};
use quotes::find_quotes;
use segment::{sentences, tokenize};

/// The records extracted from one article.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The article.
    pub article: Article,
    /// Its claims, by position.
    pub claims: Vec<Claim>,
    /// Sources its claims cite (and its outlet), by ID.
    pub sources: Vec<Source>,
    /// Actors it mentions (and its outlet), by ID.
    pub actors: Vec<Actor>,
    /// Actor mentions, by position.
    pub mentions: Vec<Mention>,
    /// Notes on the text, e.g. unbalanced quotation marks.
    pub notes: Vec<String>,
}

/// The extraction engine: lexicons compiled once, applied to any number of articles.
pub struct Extractor {
    lex: Lexicon,
    matcher: EntityMatcher,
    /// The hedge lexicon, compiled (ASCII case-insensitive).
    hedges: aho_corasick::AhoCorasick,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(Lexicon::bundled())
    }
}

/// Maps byte offsets of a text to code-point offsets.
struct CodePoints {
    starts: Vec<usize>,
    len: usize,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        Self {
            starts: text.char_indices().map(|(b, _)| b).collect(),
            len: text.len(),
        }
    }

    fn at(&self, byte: usize) -> u32 {
        if byte >= self.len {
            return self.starts.len() as u32;
        }
        self.starts.partition_point(|&b| b < byte) as u32
    }
}

impl Extractor {
    /// An extractor over the given lexicons.
    pub fn new(lex: Lexicon) -> Self {
        let matcher = EntityMatcher::new(&lex);
        let hedges = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&lex.hedges)
            .expect("hedge patterns compile");
        Self {
            lex,
            matcher,
            hedges,
        }
    }

    /// The lexicons in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extracts the records of one document.
    pub fn extract(&self, doc: &Document) -> Extracted {
        let norm = normalize(&doc.body);
        let Layout {
            text,
            paragraphs,
            quotes,
            mut notes,
            units,
        } = layout(&norm);
        let all_sentences: Vec<Range<usize>> = units.iter().map(|(_, s)| s.clone()).collect();
        let found = find_actors(&text, &all_sentences, &self.lex, &self.matcher);

        let quoted = quoted_stretches(&quotes);
        let ctx = Context {
            text: &text,
            lex: &self.lex,
            actors: &found,
            quotes: &quotes,
            paragraphs: &paragraphs,
            quoted: &quoted,
            sentences: &all_sentences,
        };
        let drafts = self.drafts(&ctx, &norm, &units);

        let raw_sha = doc.raw_sha256.clone();
        let rec = Records {
            text: &text,
            cp: CodePoints::new(&text),
            article_id: ArticleId::from_raw_sha256(&raw_sha),
            found: &found,
        };
        let mut actors = rec.actors();
        let mentions = rec.mentions(&actors);
        let mut sources: BTreeMap<SourceId, Source> = BTreeMap::new();
        let claims = self.claims(&rec, &drafts, &actors, &mut sources);
        let article_source = outlet_records(doc, &mut actors, &mut sources);
        actors.sort_by(|a, b| a.actor_id.cmp(&b.actor_id));
        actors.dedup_by(|a, b| a.actor_id == b.actor_id);

        let article = Article {
            article_id: rec.article_id,
            title: tidy_line(&doc.title),
            word_count: text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count() as u32,
            text: text.clone(),
            origin: doc.origin.clone(),
            source_id: article_source,
            url: doc.url.clone(),
            published: doc.published,
            language: doc.language.clone(),
            related_headlines: norm.related_headlines.clone(),
            raw_sha256: raw_sha,
        };
        notes.extend(doc.notes.iter().cloned());
        Extracted {
            article,
            claims,
            sources: sources.into_values().collect(),
            actors,
            mentions,
            notes,
        }
    }

    /// The claim drafts of an article's prose sentences, each with its paragraph and
    /// sentence index: attributed claims ("Rates will fall, the minister said."), else
    /// a lone quotation or an assertion. A sentence inside a claim already made (a
    /// quotation that runs on) gives none.
    fn drafts(
        &self,
        ctx: &Context,
        norm: &normalize::Normalized,
        units: &[(usize, Range<usize>)],
    ) -> Vec<(usize, usize, ClaimDraft)> {
        let mut history = History::default();
        let mut drafts: Vec<(usize, usize, ClaimDraft)> = Vec::new();
        let mut covered = 0;
        for (si, (pi, s)) in units.iter().enumerate() {
            // Prose only, and not inside a claim already made (a quotation that runs on).
            if !norm.paragraphs[*pi].prose || s.start < covered {
                continue;
            }
            let attributed = attributed_claims(ctx, norm, s.clone(), *pi, &mut history);
            if !attributed.is_empty() {
                covered = attributed
                    .iter()
                    .map(|c| c.span.end)
                    .max()
                    .unwrap_or(covered);
                drafts.extend(attributed.into_iter().map(|c| (*pi, si, c)));
                continue;
            }
            if let Some(c) = self.unattributed(ctx, s.clone(), *pi, &history) {
                drafts.push((*pi, si, c));
            }
        }
        drafts
    }

    /// The claim records of the drafts, once per span, with the sources they cite added
    /// to `sources`: "Prices rose, the bureau said." gives a claim citing the bureau.
    fn claims(
        &self,
        rec: &Records,
        drafts: &[(usize, usize, ClaimDraft)],
        actors: &[Actor],
        sources: &mut BTreeMap<SourceId, Source>,
    ) -> Vec<Claim> {
        let mut claims: Vec<Claim> = Vec::new();
        let mut seen_spans = BTreeSet::new();
        for (pi, si, d) in drafts {
            if d.span.is_empty() || !seen_spans.insert((d.span.start, d.span.end)) {
                continue;
            }
            let (s, e) = (rec.cp.at(d.span.start), rec.cp.at(d.span.end));
            let claim_text = &rec.text[d.span.clone()];
            let source_id = d.source.as_ref().map(|s| source_record(sources, s, actors));
            claims.push(Claim {
                claim_id: ClaimId::derive(&rec.article_id, s, e),
                article_id: rec.article_id.clone(),
                text: claim_text.to_string(),
                start: s,
                end: e,
                paragraph: *pi as u32,
                sentence: *si as u32,
                kind: d.kind,
                source_id,
                cue: d.cue.clone(),
                hedges: self.hedges(claim_text),
                actor_ids: rec.actor_ids_in(d.span.clone(), actors),
            });
        }
        claims
    }

    /// A sentence without a working cue: a lone quotation goes to the latest speaker
    /// nearby; a statement is an assertion; questions and headings yield nothing.
    fn unattributed(
        &self,
        ctx: &Context,
        s: Range<usize>,
        para: usize,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = ctx.text;
        let sentence = text[s.clone()].trim_end();
        if let Some(q) = ctx.lone_quote(s.clone()) {
            let inner = &text[q.inner.clone()];
            let trimmed = inner.trim_end_matches([',', ' ']);
            return Some(ClaimDraft {
                span: q.inner.start..q.inner.start + trimmed.len(),
                kind: ClaimKind::Direct,
                source: history.recent(para),
                cue: None,
            });
        }
        let words = tokenize(text, s.clone())
            .iter()
            .filter(|t| t.is_word())
            .count();
        let last = sentence
            .trim_end_matches(['”', '"', '’', ')'])
            .chars()
            .last()?;
        if last == '?' || words < 3 || !matches!(last, '.' | '!' | '…' | ']' | '”') && words < 8
        {
            return None;
        }
        Some(ClaimDraft {
            span: s.start..s.start + sentence.len(),
            kind: ClaimKind::Assertion,
            source: None,
            cue: None,
        })
    }

    /// Hedging words of a claim, in order of first appearance, as the lexicon spells them.
    fn hedges(&self, claim: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.hedges.find_overlapping_iter(claim) {
            let before = claim[..m.start()].chars().next_back();
            let after = claim[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // A capitalised word inside a sentence is a name or a month ("in May", "Will
            // Ferrell"), not a hedge.
            let capital = claim[m.start()..].starts_with(char::is_uppercase);
            let lead = claim[..m.start()].trim_end();
            let opens_sentence =
                lead.is_empty() || lead.ends_with(['.', '!', '?', ':', '“', '"', '‘', '(']);
            if capital && !opens_sentence {
                continue;
            }
            let h = &self.lex.hedges[m.pattern().as_usize()];
            if !out.contains(h) {
                out.push(h.clone());
            }
        }
        out
    }
}

/// The claims a sentence attributes. "Ana Ruiz added:" closing a paragraph and giving
/// none: the next paragraph, when prose, is what was said.
fn attributed_claims(
    ctx: &Context,
    norm: &normalize::Normalized,
    s: Range<usize>,
    pi: usize,
    history: &mut History,
) -> Vec<ClaimDraft> {
    let mut attributed = ctx.attribute(s.clone(), pi, history);
    // "X added:" at the end of a paragraph: the next paragraph is what was said.
    if attributed.is_empty()
        && s.end + 1 >= ctx.paragraphs[pi].end
        && let Some(next) = ctx.paragraphs.get(pi + 1)
        && norm.paragraphs[pi + 1].prose
    {
        attributed = ctx.block_intro(s, next.clone(), pi, history);
    }
    attributed
}

/// The source record of a draft's source in `sources`, added at its first citation.
fn source_record(
    sources: &mut BTreeMap<SourceId, Source>,
    s: &SourceDraft,
    actors: &[Actor],
) -> SourceId {
    let id = SourceId::derive(s.kind, &s.name);
    sources.entry(id.clone()).or_insert_with(|| Source {
        source_id: id.clone(),
        name: s.name.clone(),
        kind: s.kind,
        actor_id: s.actor.map(|a| actors[a].actor_id.clone()),
        description: s.description.clone(),
    });
    id
}

/// The article's outlet ("Harbor Daily") as a media actor and source, added to `actors`
/// and `sources`; its source ID, when the document names an outlet.
fn outlet_records(
    doc: &Document,
    actors: &mut Vec<Actor>,
    sources: &mut BTreeMap<SourceId, Source>,
) -> Option<SourceId> {
    let outlet = doc.outlet.as_ref()?;
    let actor_id = ActorId::derive(ActorKind::Media, outlet);
    if !actors.iter().any(|a| a.actor_id == actor_id) {
        actors.push(Actor {
            actor_id: actor_id.clone(),
            name: outlet.clone(),
            kind: ActorKind::Media,
            aliases: vec![],
            description: None,
            affiliation_id: None,
        });
    }
    let id = SourceId::derive(SourceKind::Media, outlet);
    sources.entry(id.clone()).or_insert_with(|| Source {
        source_id: id.clone(),
        name: outlet.clone(),
        kind: SourceKind::Media,
        actor_id: Some(actor_id),
        description: None,
    });
    Some(id)
}

/// What turning an article's found actors and mentions into records needs.
struct Records<'a> {
    text: &'a str,
    cp: CodePoints,
    article_id: ArticleId,
    found: &'a ArticleActors,
}

impl Records<'_> {
    /// The actor records, in order of first mention, with the affiliations stated
    /// ("Ana Ruiz of the Harbor Trust").
    fn actors(&self) -> Vec<Actor> {
        let found = self.found;
        let mut actors: Vec<Actor> = found
            .actors
            .iter()
            .map(|a| Actor {
                actor_id: ActorId::derive(a.kind, &a.name),
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.iter().cloned().collect(),
                description: a.description.clone(),
                affiliation_id: None,
            })
            .collect();
        for (i, a) in found.actors.iter().enumerate() {
            if let Some(g) = a.affiliation.filter(|&g| g != i) {
                actors[i].affiliation_id = Some(actors[g].actor_id.clone());
            }
        }
        actors
    }

    /// The mention records, with code-point offsets.
    fn mentions(&self, actors: &[Actor]) -> Vec<Mention> {
        self.found
            .mentions
            .iter()
            .map(|m| {
                let (s, e) = (self.cp.at(m.start), self.cp.at(m.end));
                let actor_id = actors[m.actor].actor_id.clone();
                Mention {
                    mention_id: MentionId::derive(&self.article_id, &actor_id, s, e),
                    article_id: self.article_id.clone(),
                    actor_id,
                    start: s,
                    end: e,
                    text: self.text[m.start..m.end].to_string(),
                }
            })
            .collect()
    }

    /// The IDs of the actors mentioned in `span`, in order of first mention there.
    fn actor_ids_in(&self, span: Range<usize>, actors: &[Actor]) -> Vec<ActorId> {
        let mut actor_ids: Vec<ActorId> = Vec::new();
        for m in self.found.mentions_in(span) {
            let id = &actors[m.actor].actor_id;
            if !actor_ids.contains(id) {
                actor_ids.push(id.clone());
            }
        }
        actor_ids
    }
}

/// The normalised text cut into paragraphs, quotations and sentences.
struct Layout {
    text: String,
    paragraphs: Vec<Range<usize>>,
    quotes: Vec<quotes::Quote>,
    notes: Vec<String>,
    /// Sentences with the index of their paragraph.
    units: Vec<(usize, Range<usize>)>,
}

fn layout(norm: &normalize::Normalized) -> Layout {
    let text = norm.text();
    let mut paragraphs: Vec<Range<usize>> = Vec::with_capacity(norm.paragraphs.len());
    let mut at = 0;
    for p in &norm.paragraphs {
        paragraphs.push(at..at + p.text.len());
        at += p.text.len() + PARAGRAPH_BREAK.len();
    }
    let (quotes, mut notes) = find_quotes(&text, &paragraphs);
    // Repeated paragraphs give their claims once, or (a caption doubled by the layout)
    // none: either way a paragraph of prose that gave none is noted.
    for (i, p) in norm.paragraphs.iter().enumerate() {
        let Some(first) = p.repeats else { continue };
        if norm.paragraphs[first].prose {
            notes.push(format!(
                "paragraph {i} repeats paragraph {first} word for word; its claims are taken from the first copy only"
            ));
        } else if normalize::reads_as_prose(&p.text) {
            notes.push(format!(
                "paragraph {i} repeats paragraph {first} word for word; read as a repeated caption, no claims are taken from either copy"
            ));
        }
    }
    let protected: Vec<Range<usize>> = quotes.iter().map(|q| q.outer.clone()).collect();
    let units: Vec<(usize, Range<usize>)> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            sentences(&text, p.clone(), &protected)
                .into_iter()
                .map(move |s| (pi, s))
        })
        .collect();
    Layout {
        text,
        paragraphs,
        quotes,
        notes,
        units,
    }
}

/// Sentences with their tokens: each sentence's byte range and tokens.
pub type SentenceTokens = Vec<(Range<usize>, Vec<segment::Token>)>;

/// The sentences of an article body as extraction cuts them: the normalised text and,
/// per sentence, its byte range and tokens (the tokens claims and mentions use).
pub fn sentence_tokens(body: &str) -> (String, SentenceTokens) {
    let Layout { text, units, .. } = layout(&normalize(body));
    let out = units
        .into_iter()
        .map(|(_, s)| {
            let tokens = tokenize(&text, s.clone());
            (s, tokens)
        })
        .collect();
    (text, out)
}
