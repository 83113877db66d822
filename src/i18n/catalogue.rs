//! The [`catalogue!`] macro: one way to declare a set of translated strings, for the window's
//! `ui::i18n::Text` and the report's `report::text::T` alike.
//!
//! Each entry is a key with its French and English text, `Key => ("français", "English")`, or
//! `Key => same("CSV")` for a word both languages write alike on purpose (a format's name,
//! "Note", "Dossier"). A key with one text only does not compile. `tests/catalogue.rs` checks
//! the rest: no text empty, French and English different unless written `same(…)`, and every
//! key used somewhere in `src/`.

/// Declare a catalogue: an enum of keys (doc comments kept) with `ALL`, `get(lang)`, `pair()`
/// and `same_in_both()`.
///
/// ```ignore
/// catalogue! {
///     /// A phrase of the report.
///     pub enum T {
///         /// Document title.
///         Title => ("Rapport d’écarts", "Gap report"),
///         Csv => same("CSV"),
///     }
/// }
/// ```
macro_rules! catalogue {
    (@pair ($fr:literal, $en:literal)) => {
        ($fr, $en)
    };
    (@pair same ($both:literal)) => {
        ($both, $both)
    };
    (@pair ($only:literal)) => {
        compile_error!(concat!(
            "a catalogue entry needs its French and its English text, or same(…): ",
            $only
        ))
    };
    (@same ($fr:literal, $en:literal)) => {
        false
    };
    (@same same ($both:literal)) => {
        true
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$doc:meta])* $key:ident => $value:tt $(($both:literal))?, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[$doc])* $key, )*
        }

        impl $name {
            /// Every entry, in the order of the catalogue.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The entry in `lang`.
            #[must_use]
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                let (fr, en) = self.pair();
                lang.pick(fr, en)
            }

            /// The entry in French and in English.
            #[must_use]
            pub const fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $( $name::$key => $crate::i18n::catalogue!(@pair $value $(($both))?), )*
                }
            }

            /// Whether the entry is written `same(…)`: the same in both languages on purpose.
            #[must_use]
            pub const fn same_in_both(self) -> bool {
                match self {
                    $( $name::$key => $crate::i18n::catalogue!(@same $value $(($both))?), )*
                }
            }
        }
    };
}

pub(crate) use catalogue;
