//! Source documents as an analyst has them: each format read into source text, each kind of
//! bad document reported with its name, the reader isolated in a child process, and
//! `visavis extract` / `visavis validate --sources` run as a user runs them. One test binary;
//! the formats and the command line are its modules.

#[path = "sources/cli.rs"]
mod cli;
#[path = "sources/formats.rs"]
mod formats;

use std::path::{Path, PathBuf};
use visavis::generate::documents;

/// A file of `tests/fixtures/sources/`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name)
}

/// The pages of `texte.pdf`: two pages of text, then an empty one.
fn pdf_pages() -> Vec<Vec<String>> {
    vec![
        vec![
            "Rapport de la Fédération (données fictives pour les essais)".to_owned(),
            "Les établissements médico-sociaux doivent être associés à la réforme dès sa conception, et l’ensemble des professionnels revalorisés sans exception.".to_owned(),
        ],
        vec![
            "Deuxième page : nous demandons un plan d’investissement de 19 milliards d’euros pour l’hôpital et le médico-social.".to_owned(),
        ],
        vec![],
    ]
}

/// Write the shipped PDF fixtures again (`cargo test --test sources -- --ignored`): they come
/// from `visavis::generate::documents::pdf`, and `shipped_pdf_fixtures_are_what_the_generator_writes`
/// checks that they still do.
#[test]
#[ignore = "writes the fixtures; run by hand after changing the generator"]
fn regenerate_pdf_fixtures() {
    for (name, bytes) in pdf_fixtures() {
        std::fs::File::create(fixture(name))
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
            .expect("write the fixture");
    }
}

fn pdf_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let text = documents::pdf(&pdf_pages());
    let scan = documents::pdf(&[vec![]]);
    // The first 600 bytes: a header and a few objects, no cross-reference table, no trailer.
    let mut corrupt = text[..600].to_vec();
    corrupt.extend_from_slice(b"\n% le reste du fichier manque\n");
    vec![
        ("texte.pdf", text),
        ("sans-texte.pdf", scan),
        ("corrompu.pdf", corrupt),
    ]
}

#[test]
fn shipped_pdf_fixtures_are_what_the_generator_writes() {
    for (name, bytes) in pdf_fixtures() {
        let shipped = std::fs::read(fixture(name)).expect("the fixture is shipped");
        assert!(
            shipped == bytes,
            "{name} differs: run the ignored regenerate_pdf_fixtures"
        );
        assert!(shipped.len() < 4096, "{name} is {} bytes", shipped.len());
    }
}
