//! The reader, headless: opening it on a 1 MB source text (the quotes located, the paragraphs'
//! heights estimated, the first frame laid out and tessellated), and one frame of it scrolled to
//! the middle of the document with 200 quotes marked in view. Targets: open under 100 ms, a
//! frame under 2 ms.

use divan::Bencher;
use eframe::egui::{self, Pos2, RawInput, Rect, Vec2};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;
use visavis::model::{Citation, Position, PositionId, PositionKind, Session, Source, SourceId};
use visavis::ui::{App, Prefs};

fn main() {
    divan::main();
}

const SCREEN: Vec2 = Vec2::new(1600.0, 1000.0);
const PARAGRAPHS: usize = 5000;
const QUOTED_FROM: usize = PARAGRAPHS / 2;
const SOURCE: &str = "document-1-mo";

/// Paragraph `i`: about 200 bytes of French-like words, each paragraph different; those quoted
/// hold ten marks (`repère-I-J`), one per quote, so that each quote is found where it is meant.
fn paragraph(i: usize) -> String {
    const WORDS: [&str; 12] = [
        "revalorisation",
        "des",
        "métiers",
        "du",
        "soin",
        "établissements",
        "médico-social",
        "territoires",
        "l’accès",
        "aux",
        "soins",
        "financement",
    ];
    let mut out = format!("{i}.");
    let mut k = i;
    let quoted = (QUOTED_FROM..QUOTED_FROM + 20).contains(&i);
    let mut n = 0;
    while out.len() < 200 || (quoted && n < 30) {
        k = k
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push(' ');
        if quoted && n % 3 == 0 && n / 3 < 10 {
            let _ = write!(out, "repère-{i}-{}", n / 3);
        } else {
            out.push_str(WORDS[(k >> 33) % WORDS.len()]);
        }
        n += 1;
    }
    out
}

/// A session whose one source is a 1 MB text, its 200 positions quoting ten passages in each of
/// twenty paragraphs in the middle; and the folder holding the text.
fn fixture() -> &'static (Session, PathBuf) {
    static BUILT: OnceLock<(Session, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-reader");
        std::fs::create_dir_all(&dir).expect("a folder for the text");
        let paragraphs: Vec<String> = (0..PARAGRAPHS).map(paragraph).collect();
        // A benchmark's input under the target folder, not a user's file: no need of persist.
        std::fs::File::create(dir.join("document.txt"))
            .and_then(|mut f| f.write_all(paragraphs.join("\n\n").as_bytes()))
            .expect("written");
        let mut session = visavis::generate::session(&visavis::generate::Spec::new(20, 3));
        let d = &mut session.dossier;
        let owner = d.stakeholders[0].id.clone();
        d.sources.push(Source {
            id: SourceId::from(SOURCE),
            title: "Un document d’un mégaoctet".to_owned(),
            organisation: "Banc d’essai".to_owned(),
            date: "2026".to_owned(),
            kind: visavis::model::SourceKind::Other,
            file: Some("document.txt".to_owned()),
            url: None,
            stakeholder: Some(owner.clone()),
        });
        d.positions = (0..200)
            .map(|n| {
                let i = QUOTED_FROM + n / 10;
                let mark = format!("repère-{i}-{}", n % 10);
                let words: Vec<&str> = paragraphs[i].split(' ').collect();
                let at = words.iter().position(|w| *w == mark).expect("marked");
                Position {
                    id: PositionId::from(format!("citation-{n}").as_str()),
                    stakeholder: owner.clone(),
                    kind: PositionKind::Reaction,
                    title: format!("Citation {n}"),
                    citation: Citation {
                        source: SourceId::from(SOURCE),
                        excerpt: words[at..at + 2].join(" "),
                        location: None,
                    },
                    measures: Vec::new(),
                }
            })
            .collect();
        (session, dir)
    })
}

/// A window on the fixture, its documents read.
struct Window {
    ctx: egui::Context,
    app: App,
    time: f64,
}

impl Window {
    fn new() -> Self {
        let (session, dir) = fixture();
        let mut prefs = Prefs::default();
        prefs
            .sources_folders
            .insert(session.dossier.id.clone(), dir.clone());
        let mut w = Self {
            ctx: egui::Context::default(),
            app: App::new(prefs, session.clone(), None, None),
            time: 0.0,
        };
        while {
            w.frame();
            w.app.is_reading_sources()
        } {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        w
    }

    fn open(&mut self) {
        let excerpt = fixture().0.dossier.positions[100].citation.excerpt.clone();
        self.app.open_reader(SOURCE, Some(&excerpt));
        self.frame();
        assert!(self.app.is_reader_open(), "the reader opened");
    }

    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            ..RawInput::default()
        };
        let mut out = self.ctx.run_ui(input, |ui| self.app.show(ui));
        out.textures_delta.clear();
        self.ctx
            .tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point)
            .len()
    }
}

/// From the click on a quote to the first frame of the reader drawn.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn open_on_1_mb(bencher: Bencher) {
    let mut w = Window::new();
    bencher.bench_local(|| {
        w.app.close_reader();
        w.open();
    });
}

/// One frame of the reader scrolled to the middle of the 1 MB text, 200 quotes marked in view.
#[divan::bench(sample_count = 200, sample_size = 1)]
fn frame_middle_200_highlights(bencher: Bencher) {
    let mut w = Window::new();
    w.open();
    for _ in 0..30 {
        w.frame();
    }
    bencher.bench_local(|| w.frame());
}
