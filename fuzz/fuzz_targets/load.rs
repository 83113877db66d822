//! Any bytes given to the loader: a session, or an error — never a panic, a hang or an
//! unbounded allocation. And whatever it accepts, every report renders (in both languages, in
//! every format) and it saves as a file that loads back, with the same warnings, to the same
//! bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use visavis::i18n::Lang;
use visavis::persist;
use visavis::report::{self, Format, ReportOptions};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(loaded) = persist::load_bytes(data, path, "2026-01-01T00:00:00Z") else {
        return;
    };
    for lang in [Lang::Fr, Lang::En] {
        let options = ReportOptions::new(lang, "fuzz");
        let analysis = report::analyse(&loaded.session, &options);
        for format in [Format::Markdown, Format::Html, Format::Csv] {
            let _ = format.render(&analysis);
        }
    }
    let text = persist::to_ron(&loaded.session).expect("an accepted session can be written");
    let again = persist::load_bytes(text.as_bytes(), path, "2026-01-01T00:00:00Z")
        .unwrap_or_else(|e| panic!("a saved session does not load back: {e}\n{text}"));
    assert!(
        again.warnings.len() == loaded.warnings.len(),
        "saving changes the warnings: {:?} then {:?}",
        loaded.warnings,
        again.warnings
    );
    let text_again = persist::to_ron(&again.session).expect("writes");
    assert!(
        text == text_again,
        "saving is not byte-stable:\n{text}\n---\n{text_again}"
    );
});
