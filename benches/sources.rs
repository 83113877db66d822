//! Source documents: extracting a 100-page PDF and a 1 MB DOCX (both generated here, by
//! `visavis::generate::documents`), and verifying every citation of a generated 5,000-measure
//! dossier (5,000 × 20) against source texts built from its own excerpts, one in a hundred
//! changed by a letter so that the closest-passage search runs too.

use divan::Bencher;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use visavis::generate::{Spec, documents};
use visavis::model::{Dossier, SourceId};
use visavis::sources::{self, Extracted, Paragraph, SourceText, verify_dossier};

fn main() {
    divan::main();
}

/// A deterministic French paragraph, `n`-th of a document.
fn paragraph(n: usize) -> String {
    const WORDS: [&str; 24] = [
        "établissements",
        "médico-social",
        "revalorisation",
        "hôpital",
        "soignants",
        "territoires",
        "investissement",
        "gouvernance",
        "accompagnement",
        "personnes",
        "âgées",
        "handicap",
        "financement",
        "réforme",
        "concertation",
        "qualité",
        "prévention",
        "parcours",
        "santé",
        "professionnels",
        "moyens",
        "l’ensemble",
        "des",
        "et",
    ];
    let mut x = n.wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut words = Vec::new();
    for _ in 0..60 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        words.push(WORDS[x % WORDS.len()]);
    }
    format!("{n}. {}.", words.join(" "))
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("write the document");
    path
}

fn pdf_100_pages() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let pages: Vec<Vec<String>> = (0..100)
            .map(|p| (0..6).map(|i| paragraph(p * 6 + i)).collect())
            .collect();
        let bytes = documents::pdf(&pages);
        eprintln!("100-page PDF: {} bytes", bytes.len());
        write("bench-100-pages.pdf", &bytes)
    })
}

fn docx_1_mb() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let mut n = 1000;
        loop {
            let paragraphs: Vec<String> = (0..n).map(paragraph).collect();
            let bytes = documents::docx(&paragraphs);
            if bytes.len() >= 1_000_000 {
                eprintln!("DOCX: {} bytes, {n} paragraphs", bytes.len());
                return write("bench-1mb.docx", &bytes);
            }
            n = n * 3 / 2;
        }
    })
}

/// Extracting a 100-page PDF (600 paragraphs), in this process.
#[divan::bench(sample_count = 10)]
fn extract_pdf_100_pages(bencher: Bencher) {
    let path = pdf_100_pages();
    bencher.bench(|| sources::extract(path).expect("reads"));
}

/// Extracting a DOCX of 1 MB, in this process.
#[divan::bench(sample_count = 10)]
fn extract_docx_1_mb(bencher: Bencher) {
    let path = docx_1_mb();
    bencher.bench(|| sources::extract(path).expect("reads"));
}

/// The generated 5,000-measure dossier, one excerpt in a hundred changed by a letter, and the
/// source text of each source: its excerpts (as they were) in a shuffled order, between
/// filler paragraphs.
fn dossier_and_texts() -> &'static (Dossier, BTreeMap<SourceId, Extracted>) {
    static BUILT: OnceLock<(Dossier, BTreeMap<SourceId, Extracted>)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut d = visavis::generate::dossier(&Spec::new(5000, 20));
        let mut texts: BTreeMap<SourceId, Vec<String>> = BTreeMap::new();
        let citations = d
            .measures
            .iter_mut()
            .flat_map(|m| m.citations.iter_mut())
            .chain(d.positions.iter_mut().map(|p| &mut p.citation));
        for (i, c) in citations.enumerate() {
            let paragraphs = texts.entry(c.source.clone()).or_default();
            paragraphs.push(paragraph(i));
            paragraphs.push(c.excerpt.clone());
            if i % 100 == 7 {
                c.excerpt = c.excerpt.replacen('e', "a", 1);
            }
        }
        let texts = texts
            .into_iter()
            .map(|(id, mut paragraphs)| {
                // Shuffle deterministically: quotes are not in dossier order in a document.
                let len = paragraphs.len();
                for i in 0..len {
                    paragraphs.swap(i, (i * 7919 + 13) % len);
                }
                let extracted = Extracted {
                    paragraphs: paragraphs
                        .into_iter()
                        .map(|text| Paragraph { text, page: None })
                        .collect(),
                    pages: None,
                };
                (id, extracted)
            })
            .collect();
        (d, texts)
    })
}

/// Indexing every source text of the 5,000-measure dossier (what opening its sources adds to
/// their extraction).
#[divan::bench(sample_count = 10)]
fn index_sources_5000(bencher: Bencher) {
    let (_, texts) = dossier_and_texts();
    bencher.bench(|| {
        texts
            .iter()
            .map(|(id, e)| (id.clone(), SourceText::new(e.clone())))
            .collect::<BTreeMap<_, _>>()
    });
}

/// Verifying every citation of the 5,000-measure dossier against indexed source texts.
#[divan::bench(sample_count = 10)]
fn verify_every_citation_5000(bencher: Bencher) {
    let (d, texts) = dossier_and_texts();
    let indexed: BTreeMap<SourceId, SourceText> = texts
        .iter()
        .map(|(id, e)| (id.clone(), SourceText::new(e.clone())))
        .collect();
    let checked = verify_dossier(d, |id| indexed.get(id));
    let tally = sources::Tally::of(&checked);
    eprintln!(
        "{} citations in {} sources ({} bytes of text): {tally:?}",
        checked.len(),
        indexed.len(),
        texts
            .values()
            .flat_map(|e| e.paragraphs.iter().map(|p| p.text.len()))
            .sum::<usize>()
    );
    bencher.bench(|| verify_dossier(d, |id| indexed.get(id)));
}
