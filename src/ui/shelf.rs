//! The source texts the window has read, and each citation's verification against them. The
//! documents are found as the command line finds them (the sources folder the user chose for the
//! dossier, `VISAVIS_SOURCES_DIR`, the session's folder) and read on a thread of their own, each
//! in the isolated child, so the window keeps drawing and a hostile document never takes it
//! down. Verification results are kept by citation (source and excerpt): the detail panel looks
//! them up each frame, and a quote picked since is verified when first asked for.

use crate::i18n::Lang;
use crate::model::{Citation, Dossier, Session, SourceId};
use crate::sources::{
    Limits, SourceDirs, SourceText, Tally, Unavailable, Verification, read_sources,
};
use eframe::egui;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

/// A citation's key in the verification table.
type Key = (SourceId, String);

/// What the reading thread hands back.
struct Read {
    texts: BTreeMap<SourceId, Arc<SourceText>>,
    unavailable: BTreeMap<SourceId, [String; 2]>,
    verified: HashMap<Key, Verification>,
}

/// The source texts and verification results of the open session.
#[derive(Default)]
pub struct Shelf {
    texts: BTreeMap<SourceId, Arc<SourceText>>,
    /// Why each source that has no text has none, as a sentence in each of [`Lang::ALL`].
    unavailable: BTreeMap<SourceId, [String; 2]>,
    verified: HashMap<Key, Verification>,
    /// The reading under way, if any.
    reading: Option<mpsc::Receiver<Read>>,
    /// The folders looked in, in order.
    pub dirs: Vec<PathBuf>,
    /// The dossier's count by status, kept until the dossier or the texts change.
    tally: Option<Tally>,
}

impl Shelf {
    /// Start reading the sources of `session` from `dirs` on a thread of its own; what was read
    /// before stays until the new reading is in. `ctx` is asked to redraw when it is.
    pub fn read(&mut self, session: &Arc<Session>, dirs: SourceDirs, ctx: &egui::Context) {
        let (send, receive) = mpsc::channel();
        let session = Arc::clone(session);
        let ctx = ctx.clone();
        self.dirs.clone_from(&dirs.dirs);
        let spawned = std::thread::Builder::new()
            .name("visavis-sources".to_owned())
            .spawn(move || {
                let read = read_all(&session.dossier, &dirs);
                // The window may have moved on to another session: nothing to tell then.
                let _ = send.send(read);
                ctx.request_repaint();
            });
        self.reading = spawned.is_ok().then_some(receive);
    }

    /// Take the reading's result if it is in. Returns whether it was.
    pub fn poll(&mut self) -> bool {
        let Some(reading) = &self.reading else {
            return false;
        };
        match reading.try_recv() {
            Ok(read) => {
                self.texts = read.texts;
                self.unavailable = read.unavailable;
                self.verified = read.verified;
                self.reading = None;
                self.tally = None;
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.reading = None;
                false
            }
        }
    }

    /// Whether the documents are being read.
    #[must_use]
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// The text of `source`, if it was read.
    #[must_use]
    pub fn text(&self, source: &SourceId) -> Option<&Arc<SourceText>> {
        self.texts.get(source)
    }

    /// Every text read, shared (for work on another thread).
    #[must_use]
    pub fn texts(&self) -> BTreeMap<SourceId, Arc<SourceText>> {
        self.texts.clone()
    }

    /// Why `source` has no text, in `lang`, if it was looked for and has none.
    #[must_use]
    pub fn why_unavailable(&self, source: &SourceId, lang: Lang) -> Option<&str> {
        let i = Lang::ALL
            .iter()
            .position(|l| *l == lang)
            .unwrap_or_default();
        self.unavailable.get(source).map(|why| why[i].as_str())
    }

    /// `citation`'s verification, computed now if it was not (a quote picked since the
    /// reading).
    pub fn verification(&mut self, citation: &Citation) -> &Verification {
        let key = (citation.source.clone(), citation.excerpt.clone());
        let texts = &self.texts;
        self.verified.entry(key).or_insert_with(|| {
            crate::sources::verify(&citation.excerpt, texts.get(&citation.source).map(|t| &**t))
        })
    }

    /// The dossier changed: its count is made again when next asked for.
    pub fn dossier_changed(&mut self) {
        self.tally = None;
    }

    /// How many of `dossier`'s citations have each status, once the documents are read.
    pub fn tally(&mut self, dossier: &Dossier) -> Option<Tally> {
        if self.is_reading() || (self.texts.is_empty() && self.unavailable.is_empty()) {
            return None;
        }
        if let Some(t) = self.tally {
            return Some(t);
        }
        let mut tally = Tally::default();
        for c in dossier
            .measures
            .iter()
            .flat_map(|m| &m.citations)
            .chain(dossier.positions.iter().map(|p| &p.citation))
        {
            match self.verification(c) {
                Verification::Verified { .. } => tally.verified += 1,
                Verification::VerifiedTypographic { .. } => tally.typographic += 1,
                Verification::NotFound { .. } => tally.not_found += 1,
                Verification::SourceUnavailable => tally.unavailable += 1,
            }
        }
        self.tally = Some(tally);
        Some(tally)
    }
}

/// Read every quoted source of `dossier` and verify every citation.
fn read_all(dossier: &Dossier, dirs: &SourceDirs) -> Read {
    let read = read_sources(dossier, dirs, &Limits::default(), true);
    let unavailable = read
        .unavailable
        .iter()
        .map(|u| {
            let why = Lang::ALL.map(|l| u.in_lang(l));
            (unavailable_id(u).clone(), why)
        })
        .collect();
    let texts: BTreeMap<SourceId, Arc<SourceText>> = read
        .texts
        .into_iter()
        .map(|(id, t)| (id, Arc::new(t)))
        .collect();
    let verified = crate::sources::verify_dossier(dossier, |id| texts.get(id).map(|t| &**t))
        .into_iter()
        .map(|c| {
            (
                (c.citation.source.clone(), c.citation.excerpt.clone()),
                c.verification,
            )
        })
        .collect();
    Read {
        texts,
        unavailable,
        verified,
    }
}

/// The source an [`Unavailable`] is about.
fn unavailable_id(u: &Unavailable) -> &SourceId {
    match u {
        Unavailable::NoFile { id }
        | Unavailable::Refused { id, .. }
        | Unavailable::Missing { id, .. }
        | Unavailable::Unreadable { id, .. } => id,
    }
}
