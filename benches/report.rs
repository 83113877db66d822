//! The gap report: computing the analysis, and rendering it as Markdown, HTML, CSV, Word and
//! OpenDocument. Target: under 500 ms at 5,000 × 20 cells for Markdown, HTML and CSV; under 1 s,
//! and within three times the HTML report, for Word and OpenDocument. Beside it, the REFI-QDA
//! exchange: the project `visavis qdpx export` writes, and reading a project back as candidates.

mod common;

use common::{SIZES, session};
use divan::Bencher;
use visavis::i18n::Lang;
use visavis::report::{Format, ReportOptions, analyse};

fn main() {
    divan::main();
}

fn options() -> ReportOptions {
    ReportOptions::new(Lang::Fr, "bench.ron")
}

/// The analysis alone (pure).
#[divan::bench(args = SIZES, sample_count = 20)]
fn analysis(bencher: Bencher, size: &str) {
    let s = session(size);
    let options = options();
    bencher.bench(|| analyse(s, &options));
}

/// Analysis and Markdown rendering, as the export and `visavis report` do.
#[divan::bench(args = SIZES, sample_count = 20)]
fn markdown(bencher: Bencher, size: &str) {
    render(bencher, size, Format::Markdown);
}

/// Analysis and HTML rendering.
#[divan::bench(args = SIZES, sample_count = 20)]
fn html(bencher: Bencher, size: &str) {
    render(bencher, size, Format::Html);
}

/// Analysis and CSV rendering.
#[divan::bench(args = SIZES, sample_count = 20)]
fn csv(bencher: Bencher, size: &str) {
    render(bencher, size, Format::Csv);
}

/// Analysis and Word rendering (the zip archive included).
#[divan::bench(args = SIZES, sample_count = 20)]
fn docx(bencher: Bencher, size: &str) {
    render(bencher, size, Format::Docx);
}

/// Analysis and OpenDocument rendering (the zip archive included).
#[divan::bench(args = SIZES, sample_count = 20)]
fn odt(bencher: Bencher, size: &str) {
    render(bencher, size, Format::Odt);
}

fn render(bencher: Bencher, size: &str, format: Format) {
    let s = session(size);
    let options = options();
    bencher.bench(|| format.render(&analyse(s, &options)));
}

/// The REFI-QDA project (each source's text its excerpts), zipped, as `visavis qdpx export`.
#[divan::bench(args = SIZES, sample_count = 10)]
fn qdpx_export(bencher: Bencher, size: &str) {
    let s = session(size);
    bencher.bench(|| visavis::exchange::qdpx::qdpx(s, "bench", Lang::Fr, |_| None));
}

/// `visavis qdpx import` of a project made from another copy of the session (another dossier id,
/// so no GUID is its own): every selection parsed, placed by name, its words sliced and found
/// already quoted.
#[divan::bench(args = SIZES, sample_count = 10)]
fn qdpx_import(bencher: Bencher, size: &str) {
    let s = session(size);
    let mut other = s.clone();
    other.dossier.id.push_str("-copie");
    let bytes = visavis::exchange::qdpx::qdpx(&other, "bench", Lang::Fr, |_| None).expect("zip");
    bencher.bench(|| visavis::exchange::import::import(&bytes, "bench.qdpx", s));
}

/// The REFI-QDA project's XML alone, before it is zipped.
#[divan::bench(args = SIZES, sample_count = 10)]
fn qdpx_xml(bencher: Bencher, size: &str) {
    let s = session(size);
    bencher.bench(|| visavis::exchange::qdpx::project(s, "bench", Lang::Fr, |_| None));
}
