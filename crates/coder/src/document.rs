//! Coding whole documents: headline and body through the NLP pipeline, sentence by sentence,
//! with offsets into the document text and discards applied at sentence and story level.

use std::borrow::Cow;

use tacitus_dict::{Date, EventCode};
use tacitus_nlp::{Parsed, Pipeline};

use crate::coder::{self, Found, Options};
use crate::domestic;
use crate::event::{Event, Participant, Rule, Section, SentenceSpan, VerbSpan};
use crate::headline;
use crate::lexicon::Lexicon;
use crate::mentions::{self, Mention};
use crate::tree::{Spellings, Tree};

/// A document to code.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its identifier, copied into each event.
    pub id: String,
    /// The whole text; offsets in events count characters into it.
    pub text: String,
    /// Whether the first non-empty line is a headline.
    pub has_headline: bool,
    /// The date that chooses actors' roles.
    pub date: Option<Date>,
    /// The dateline's place ("TEHRAN"), which locates events whose sentences name none.
    pub place: Option<String>,
}

/// The events of one document, and why some sentences gave none.
#[derive(Debug, Clone, Default)]
pub struct DocumentEvents {
    /// Events in sentence order.
    pub events: Vec<Event>,
    /// The sentences analysed, in order (headline first), with their spans.
    pub sentences: Vec<SentenceSpan>,
    /// Number of words analysed.
    pub words: usize,
    /// The discard entry (`file:line`) that removed the whole story, if one did.
    pub discarded_by: Option<String>,
}

/// The coder: a compiled lexicon and the options in force.
pub struct Coder {
    lexicon: Lexicon,
    options: Options,
}

impl Coder {
    /// A coder over `lexicon` with `options`.
    pub fn new(lexicon: Lexicon, options: Options) -> Coder {
        Coder { lexicon, options }
    }
    /// The dictionaries and tables in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Changes the options in force (PETRARCH validation files switch them between records).
    pub fn set_options(&mut self, options: Options) {
        self.options = options;
    }

    /// Parses and codes a document.
    pub fn code(&self, pipeline: &Pipeline, doc: &Document) -> DocumentEvents {
        self.code_parsed(doc, &self.parse(pipeline, doc))
    }

    /// Parses and codes several documents, batching their sentences through the pipeline.
    pub fn code_many(&self, pipeline: &Pipeline, docs: &[Document]) -> Vec<DocumentEvents> {
        let parsed = self.parse_many(pipeline, docs);
        docs.iter()
            .zip(&parsed)
            .map(|(d, p)| self.code_parsed(d, p))
            .collect()
    }

    /// Splits a document into headline and body and parses them (word spans in document
    /// characters), ready for [`Coder::code_parsed`].
    pub fn parse(&self, pipeline: &Pipeline, doc: &Document) -> Vec<(Section, Parsed)> {
        self.parse_many(pipeline, std::slice::from_ref(doc))
            .pop()
            .unwrap_or_default()
    }

    /// Parses several documents together (the pipeline batches sentences across them), one
    /// list of sentences per document.
    pub fn parse_many(
        &self,
        pipeline: &Pipeline,
        docs: &[Document],
    ) -> Vec<Vec<(Section, Parsed)>> {
        // Each document gives up to two pieces, its headline and its body.
        let mut pieces: Vec<(usize, Section, usize, Cow<'_, str>)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let (headline, body) = split_headline(&doc.text, doc.has_headline);
            for (section, range) in [(Section::Headline, headline), (Section::Body, body)] {
                let Some((byte_start, byte_end)) = range else {
                    continue;
                };
                let char_base = doc.text[..byte_start].chars().count();
                let piece = &doc.text[byte_start..byte_end];
                let piece = if section == Section::Headline && headline::is_title_case(piece) {
                    Cow::Owned(headline::recase(piece, &self.lexicon))
                } else {
                    Cow::Borrowed(piece)
                };
                pieces.push((d, section, char_base, piece));
            }
        }
        let texts: Vec<&str> = pieces.iter().map(|p| p.3.as_ref()).collect();
        let mut out: Vec<Vec<(Section, Parsed)>> = vec![Vec::new(); docs.len()];
        pipeline.analyse_texts(&texts, |t, mut p| {
            let (d, section, char_base, _) = &pieces[t];
            // Offsets become document-global.
            p.span.start += char_base;
            p.span.end += char_base;
            for w in &mut p.word_spans {
                w.start += char_base;
                w.end += char_base;
            }
            out[*d].push((*section, p));
        });
        out
    }

    /// Codes a document's sentences already parsed (word spans in document characters).
    pub fn code_parsed(&self, doc: &Document, parsed: &[(Section, Parsed)]) -> DocumentEvents {
        let mut out = DocumentEvents::default();
        // Built on the first event: most sentences give none.
        let mut index: Option<CharIndex> = None;
        let mut story_discard = None;
        for (sentence, (section, parsed)) in parsed.iter().enumerate() {
            out.sentences.push(SentenceSpan {
                section: *section,
                start: parsed.span.start,
                end: parsed.span.end,
            });
            out.words += parsed.sentence.words.len();
            if story_discard.is_some() {
                // The story is discarded: nothing more to code, only to count.
                continue;
            }
            let spellings = Spellings::new(&parsed.sentence.words);
            let tree = Tree::new(&parsed.sentence.words, &spellings);
            if let Some((story, loc)) = self.lexicon.discard(&tree.upper) {
                if story {
                    story_discard.get_or_insert_with(|| loc.to_string());
                }
                continue;
            }
            let mentions = mentions::find(&self.lexicon, &tree, doc.date);
            let found = coder::code_sentence(&self.lexicon, &tree, &mentions, self.options);
            if found.is_empty() {
                continue;
            }
            let place = Place {
                doc,
                index: index.get_or_insert_with(|| CharIndex::new(&doc.text)),
                parsed,
                section: *section,
                sentence,
                mentions: &mentions,
            };
            let first = out.events.len();
            out.events
                .extend(found.iter().map(|f| place.event(&self.lexicon, f)));
            domestic::assign(&mut out.events[first..], &mentions);
        }
        if story_discard.is_some() {
            out.events.clear();
            out.discarded_by = story_discard;
        }
        out
    }
}

/// Byte ranges of the headline (first non-empty line) and of the body.
type Ranges = (Option<(usize, usize)>, Option<(usize, usize)>);

fn split_headline(text: &str, has_headline: bool) -> Ranges {
    if !has_headline {
        return (None, Some((0, text.len())));
    }
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let end = at + line.len();
        if !line.trim().is_empty() {
            let head_end = at + line.trim_end_matches(['\n', '\r']).len();
            return (Some((at, head_end)), Some((end, text.len())));
        }
        at = end;
    }
    (None, None)
}

/// Byte offsets of characters, to turn character spans into string slices.
struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// The text of characters `start..end`.
    fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let b = |c: usize| self.bytes.get(c).copied().unwrap_or(text.len());
        text.get(b(start)..b(end)).unwrap_or("")
    }
}

/// Where a sentence stands in its document, to write its events.
struct Place<'a> {
    doc: &'a Document,
    index: &'a CharIndex,
    parsed: &'a Parsed,
    section: Section,
    sentence: usize,
    mentions: &'a [Mention],
}

impl Place<'_> {
    /// Document character span of words `first..=last`.
    fn span(&self, first: usize, last: usize) -> (usize, usize) {
        let s = &self.parsed.word_spans;
        let start = s.get(first).map_or(0, |x| x.start);
        let end = s.get(last).map_or(0, |x| x.end);
        (start, end.max(start))
    }

    fn participant(&self, m: Option<&Mention>) -> Option<Participant> {
        let m = m?;
        let (start, end) = self.span(m.first, m.last);
        Some(Participant {
            code: m.code.clone(),
            text: self.index.slice(&self.doc.text, start, end).to_string(),
            start,
            end,
        })
    }

    fn event(&self, lex: &Lexicon, f: &Found) -> Event {
        let first = f.verb_words.iter().copied().min().unwrap_or(0);
        let last = f.verb_words.iter().copied().max().unwrap_or(0);
        let (start, end) = self.span(first, last);
        let code: &EventCode = &f.code;
        let (plover_event, plover_mode) = lex.plover(code);
        let mention = |m: Option<usize>| m.and_then(|m| self.mentions.get(m));
        let target = f.target_mention(self.mentions);
        let cites = |m: Option<&Mention>| m.map(|m| m.cites.clone()).unwrap_or_default();
        Event {
            doc_id: self.doc.id.clone(),
            section: self.section,
            sentence: self.sentence,
            source: self.participant(mention(f.source)),
            target: self.participant(target),
            verb: VerbSpan {
                text: self.index.slice(&self.doc.text, start, end).to_string(),
                start,
                end,
            },
            event_code: code.as_str().to_string(),
            base_code: code.base().to_string(),
            root_code: code.root().to_string(),
            quad_class: code.quad_class(),
            goldstein: lex.goldstein(code),
            plover_event,
            plover_mode,
            negated: f.negated,
            modality: f.modality.clone(),
            reported_by: self.participant(mention(f.reported_by)),
            rule: Rule {
                verb: f.verb_cite.clone(),
                pattern: f.pattern_cite.clone(),
                source: cites(mention(f.source)),
                target: cites(target),
                source_via: f.source_via,
                target_via: f.target_via,
                complement: f.complement_cite.clone(),
                refinement: f.refinement.clone(),
            },
            date: self.doc.date.map(|d| d.to_string()),
            geo: None,
            tone: None,
        }
    }
}
