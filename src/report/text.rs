//! The report's words in French and English, keyed on [`Lang`]. The words for stances come from
//! [`crate::i18n`]; everything else the three renderings print is here, so a wording is changed
//! once for Markdown, HTML and CSV alike.

use crate::i18n::{Lang, percent, plural};
use crate::model::Stance;
use crate::report::{NotFound, Quote, Selection, SourceCheck};
use crate::sources::Tally;
use crate::teamwork::{Agreement, Scope};
use std::fmt::Write as _;

crate::i18n::catalogue! {
    /// A fixed phrase of the report.
    pub enum T {
        /// Document title.
        Title => ("Rapport d’écarts", "Gap report"),
        /// "Session" (the file analysed).
        Session => same("Session"),
        /// "Analyst".
        Analyst => ("Analyste", "Analyst"),
        /// "Last modified".
        Modified => ("Dernière modification", "Last modified"),
        /// "Completion".
        Completion => ("Avancement", "Completion"),
        /// "cells assessed".
        CellsAssessed => ("cellules évaluées", "cells assessed"),
        /// Legend heading.
        Key => ("Légende", "Key"),
        /// The findings in a few lines, first thing in the report.
        Glance => ("En bref", "At a glance"),
        /// The method section's heading, after the glance.
        Method => ("Méthode", "Method"),
        /// What a cell is and what the analyst gives it.
        WhoIsWho => ("Les parties prenantes", "The stakeholders"),
        MethodIntro => ("Chaque cellule croise une mesure et une partie prenante ; l’analyste lui donne l’une de ces appréciations (la méthode complète est dans le README de Vis-à-vis) :", "Each cell crosses a measure with a stakeholder; the analyst gives it one of these stances (the full method is in Vis-à-vis's README):"),
        /// What Agreement means.
        MethodAgreement => ("les mots de la partie prenante approuvent la mesure, ou la mesure répond à ce qu’elle demande, sans réserve.", "the stakeholder's words approve the measure, or the measure answers what it asks, without reservation."),
        /// What Partial means.
        MethodPartial => ("la partie prenante approuve une partie de la mesure, ou l’approuve sous une réserve ou une condition non remplie ; ou la mesure ne répond qu’à une partie de sa demande.", "the stakeholder approves part of the measure, or approves it with a reservation or an unmet condition; or the measure answers only part of its demand."),
        /// What Gap means.
        MethodGap => ("la partie prenante juge la mesure erronée ou insuffisante, ou demande, sur l’objet même de la mesure, ce que celle-ci écarte ou contredit.", "the stakeholder finds the measure wrong or insufficient, or asks, on the measure's very subject, for what the measure rules out or contradicts."),
        /// What Silent means.
        MethodSilent => ("aucun mot de la partie prenante ne nomme la mesure ou son objet : ce n’est pas un jugement, et la cellule ne cite rien.", "none of the stakeholder's words names the measure or its subject: this is no judgement, and the cell cites nothing."),
        /// The label of the evidence rule.
        MethodEvidenceLabel => ("Preuve", "Evidence"),
        /// What counts as evidence, and what a note may say.
        MethodEvidence => ("chaque appréciation autre que Silence cite au moins un extrait verbatim de la partie prenante qui nomme la mesure ou son objet ; entre guillemets, une note ne reprend que ces extraits ; hors guillemets, c’est la lecture de l’analyste.", "every stance but Silent cites at least one verbatim excerpt of the stakeholder that names the measure or its subject; in quotation marks a note repeats only those excerpts; outside them it is the analyst's reading."),
        /// The list of documents quoted, last in the report.
        Sources => same("Sources"),
        /// What the sources list is.
        SourcesIntro => ("Les documents dont ce rapport cite un extrait.", "The documents this report quotes."),
        /// No quote in the report.
        NoSources => ("Ce rapport ne cite aucun extrait.", "This report quotes nothing."),
        /// Before the plain-text copy of a source.
        CheckedCopy => ("copie vérifiée", "checked copy"),
        /// The subsection of the sources on verifying the dossier's citations.
        ChecksHeading => ("Vérification des citations", "Quote verification"),
        /// How a citation is verified.
        ChecksIntro => ("Chaque citation du dossier, des mesures comme des positions, est recherchée mot pour mot dans le texte de son document\u{a0}; une citation qui n’y figure qu’une fois écartés les artefacts d’extraction (mot coupé en fin de ligne, ligature, apostrophe) compte comme vérifiée, avec des différences typographiques.", "Every citation of the dossier, of measures and positions alike, is looked for word for word in its document’s text; one found there only once extraction artefacts are set aside (a word broken at a line end, a ligature, an apostrophe) counts as verified, with typographic differences."),
        /// No source text at all: the citations were not verified, and how to verify them.
        NotChecked => ("Les citations du dossier n’ont pas été vérifiées dans leurs documents\u{a0}: aucun texte source n’était disponible. Pour les vérifier, placez les documents à côté de la session, ou donnez leur répertoire avec visavis report --sources RÉPERTOIRE (ou la variable VISAVIS_SOURCES_DIR).", "The dossier’s citations were not verified against their documents: no source text was available. To verify them, put the documents beside the session, or give their folder with visavis report --sources DIR (or the VISAVIS_SOURCES_DIR variable)."),
        /// A source without text, said once for all its citations.
        SourceUnavailable => ("texte source non disponible\u{a0}: citations non vérifiées", "source text unavailable: quotes not verified"),
        /// A citation not in its source text.
        NotFound => ("introuvable", "not found"),
        /// Before the passage of the source most like a citation not found.
        ClosestPassage => ("passage le plus proche", "closest passage"),
        /// A citation not found, and nothing alike in its source.
        NoClosestPassage => ("aucun passage semblable dans le texte source", "no passage of the source text is alike"),
        /// Caption of the HTML header's bars, one per stakeholder.
        BarsCaption => ("Répartition des appréciations de chaque partie prenante (gris\u{a0}: silence\u{a0}; hachures\u{a0}: non évalué)", "How each stakeholder’s cells are tagged (grey: silent; hatched: unassessed)"),
        /// The summary matrix section.
        Summary => ("Synthèse", "Summary"),
        /// "Pillar" (a column).
        Pillar => ("Pilier", "Pillar"),
        /// "Stakeholder" (a column).
        Stakeholder => ("Partie prenante", "Stakeholder"),
        /// "Overall" (the line summing a stakeholder's pillars).
        Overall => ("Ensemble", "Overall"),
        /// "Total".
        Total => same("Total"),
        /// The gaps section.
        Gaps => ("Écarts et accords partiels", "Gaps and partial agreements"),
        DossierSynthesis => ("Synthèse de l’analyste", "The analyst's synthesis"),
        SynthesisLead => ("Synthèse de l’analyste\u{a0}:", "The analyst's synthesis:"),
        /// What the gaps section lists.
        GapsIntro => ("Chaque cellule jugée en écart ou en accord partiel, par partie prenante, avec les citations qui la fondent.", "Every cell tagged Gap or Partial, by stakeholder, with the quotes it rests on."),
        /// No gap or partial cell at all.
        NoGaps => ("Aucune cellule en écart ni en accord partiel.", "No cell is tagged Gap or Partial."),
        /// Unanswered demands section.
        Unanswered => ("Demandes sans réponse", "Unanswered demands"),
        HeatmapLabel => ("Carte de chaleur\u{a0}: la part de chaque appréciation par partie prenante et par pilier", "Heatmap: the share of each stance by stakeholder and pillar"),
        HeatmapCaption => ("Chaque case\u{a0}: la part de chaque appréciation (● accord, ◐ partiel, ○ écart, … silence, ? non évalué), les nombres écrits dessous\u{a0}; la dernière colonne, l’ensemble des piliers.", "Each box: the share of each stance (● agreement, ◐ partial, ○ gap, … silent, a question mark for unassessed), the counts written under it; the last column, all pillars together."),
        Frictions => ("Points de friction et consensus", "Points of friction and consensus"),
        FrictionsIntro => ("Les mesures sur lesquelles les parties prenantes se partagent\u{a0}: l’une y voit un écart quand une autre l’approuve (en entier d’abord, puis en partie), avec les citations de chaque côté.", "The measures on which the stakeholders split: one sees a gap where another approves (wholly first, then in part), with the quotes on each side."),
        NoFrictions => ("Aucune mesure ne partage les parties prenantes.", "No measure splits the stakeholders."),
        Consensus => same("Consensus"),
        ConsensusIntro => ("Les mesures que toutes les parties prenantes qui se sont prononcées approuvent (deux au moins).", "The measures every stakeholder who spoke approves (two at least)."),
        NoConsensus => ("Aucune mesure ne fait consensus.", "No measure has every stakeholder who spoke agreeing."),
        /// What the unanswered demands section lists.
        UnansweredIntro => ("Positions qu’aucune mesure ne satisfait : reliées à aucune mesure (ni par le dossier ni comme citation d’une cellule), ou seulement à des cellules jugées en écart.", "Positions no measure satisfies: linked to no measure (neither by the dossier nor as a cell’s evidence), or only to cells tagged Gap."),
        /// No unanswered demand.
        NoUnanswered => ("Aucune demande sans réponse.", "No unanswered demand."),
        /// Reason: no measure answers the position.
        NoMeasureAnswers => ("aucune mesure n’y répond", "no measure answers it"),
        /// Reason: every linked measure is tagged Gap (followed by the measures).
        OnlyGapsAnswer => ("toutes les mesures liées sont jugées en écart :", "every linked measure is tagged Gap:"),
        /// Silences section.
        Silences => same("Silences"),
        /// Before the stakeholders with no gap or partial cell, when others have some.
        NoGapsFor => ("Sans écart ni accord partiel", "No gap or partial agreement"),
        /// Before the stakeholders with no unanswered demand, when others have some.
        NoUnansweredFor => ("Sans demande restée sans réponse", "No unanswered demand"),
        /// Silent measures subsection.
        SilentMeasures => ("Mesures sur lesquelles aucune partie prenante ne s’est exprimée", "Measures no stakeholder spoke to"),
        /// Silent measures subsection, when some stakeholders are left out of the report.
        SilentMeasuresSelected => ("Mesures sur lesquelles aucune des parties prenantes retenues ne s’est exprimée", "Measures none of the selected stakeholders spoke to"),
        /// What "spoke to" means.
        SilentMeasuresIntro => ("Une partie prenante s’est exprimée sur une mesure quand sa cellule est en accord, partiel ou écart, quand la cellule cite une de ses positions, ou quand le dossier relie une de ses positions à la mesure.", "A stakeholder spoke to a measure when its cell is tagged Agreement, Partial or Gap, when the cell cites one of its positions, or when the dossier links one of its positions to the measure."),
        /// No silent measure.
        NoSilentMeasures => ("Aucune : chaque mesure a suscité au moins une prise de position.", "None: every measure drew at least one position."),
        /// No silent measure, when some stakeholders are left out of the report.
        NoSilentMeasuresSelected => ("Aucune : chaque mesure a suscité au moins une prise de position des parties prenantes retenues.", "None: every measure drew at least one position from the selected stakeholders."),
        /// Silent pillars subsection.
        SilentPillars => ("Parties prenantes silencieuses sur un pilier entier", "Stakeholders silent on a whole pillar"),
        /// What a silent pillar is.
        SilentPillarsIntro => ("La partie prenante ne s’est exprimée sur aucune mesure du pilier.", "The stakeholder spoke to none of the pillar’s measures."),
        /// No stakeholder silent on a whole pillar.
        NoSilentPillars => ("Aucune : chaque partie prenante s’est exprimée sur chaque pilier.", "None: every stakeholder spoke to every pillar."),
        /// Unassessed cells section.
        Unassessed => ("Cellules non évaluées", "Unassessed cells"),
        /// Every cell assessed.
        NoUnassessed => ("Aucune : toutes les cellules sont évaluées.", "None: every cell is assessed."),
        /// Detail section.
        Detail => ("Détail par pilier", "Detail by pillar"),
        /// "Measure".
        Measure => ("Mesure", "Measure"),
        /// "Note".
        Note => same("Note"),
        /// "Labels".
        Labels => ("Étiquettes", "Labels"),
        /// "Quotes".
        Quotes => ("Citations", "Quotes"),
        /// Before the page number in the footer of the Word and OpenDocument reports.
        FooterPage => same("Page"),
        /// Between the page number and the page count: "Page 3 sur 12".
        FooterOf => ("sur", "of"),
        /// "Contents" (HTML table of contents).
        Contents => ("Sommaire", "Contents"),
        /// Evidence naming a position the dossier lacks.
        MissingPosition => ("position absente du dossier", "position not in the dossier"),
        /// The section of what to check: flagged cells, misattributed evidence, missing positions, orphans.
        Review => ("Cellules à revoir, citations mal attribuées et cellules orphelines", "Cells to review, misattributed evidence and orphan cells"),
        /// What the section lists.
        ReviewIntro => ("Ce que la session contient et que l’analyse ne peut pas prendre pour acquis : des cellules que l’analyste ou une mise à jour du dossier a signalées à revoir ou à vérifier, des citations d’une autre partie prenante que celle de la cellule (modification à la main, fusion), des positions absentes du dossier, et des appréciations de cellules que le dossier n’a pas, conservées telles quelles.", "What the session holds and the analysis cannot take for granted: cells the analyst or a dossier update flagged to revisit or to check, quotes of a stakeholder other than the cell's (a hand edit, a merge), positions the dossier lacks, and assessments of cells the dossier does not have, kept as written."),
        /// Nothing to check.
        NoReview => ("Rien à signaler : aucune cellule n’est signalée, chaque citation est celle de la partie prenante de sa cellule, et chaque appréciation porte sur une cellule du dossier.", "Nothing to report: no cell is flagged, every quote is the cell's stakeholder's, and every assessment is of a cell of the dossier."),
        /// Subsection: the cells flagged to revisit or to check.
        ReviewFlagged => ("Cellules à revoir ou à vérifier", "Cells to revisit or to check"),
        /// "Review flags", before a cell's flags; CSV column, after the misattributed quotes.
        Flags => ("Signalements", "Review flags"),
        /// Subsection: evidence that is not the words of the cell's stakeholder.
        ReviewEvidence => ("Citations à vérifier", "Evidence to check"),
        /// Subsection: orphan cells.
        ReviewOrphans => ("Cellules orphelines", "Orphan cells"),
        /// What an orphan cell is.
        ReviewOrphansIntro => ("Appréciations dont la mesure ou la partie prenante manque au dossier, identifiants tels qu’écrits dans la session ; elles ne comptent dans aucun total.", "Assessments whose measure or stakeholder the dossier lacks, with the ids as written in the session; they count in no total."),
        /// CSV column, last: the quotes a cell cites of another stakeholder.
        ColMisattributed => ("Citations d’une autre partie prenante", "Quotes of another stakeholder"),
        /// A judged cell with no quote.
        NoQuote => ("⚠ Aucune citation n’appuie cette appréciation.", "⚠ No quote supports this judgement."),
        /// Heading of the Gap cells of a stakeholder.
        GapCells => ("En écart", "Gap"),
        /// Heading of the Partial cells of a stakeholder.
        PartialCells => ("En accord partiel", "Partial"),
        /// CSV column: measure id.
        ColMeasureId => ("Mesure (id)", "Measure (id)"),
        /// CSV column: pillar id.
        ColPillarId => ("Pilier (id)", "Pillar (id)"),
        /// CSV column: stakeholder id.
        ColStakeholderId => ("Partie prenante (id)", "Stakeholder (id)"),
        /// CSV column and table header: the stance.
        ColStance => ("Appréciation", "Stance"),
        /// The agreement section, when the report compares analysts' sessions.
        Agreement => ("Accord entre analystes", "Agreement between analysts"),
        /// The agreement table's first column: overall, a stakeholder, a pillar.
        AgreementScope => ("Périmètre", "Scope"),
        /// Agreement table column: the cells of the scope.
        AgreementCells => ("Cellules", "Cells"),
        /// Agreement table column: the cells every analyst assessed.
        AgreementCompared => ("Comparées", "Compared"),
        /// Agreement table column: the cells some analyst left unassessed.
        AgreementLeftOut => ("Laissées de côté", "Left out"),
        /// Agreement table column.
        ObservedAgreement => ("Accord observé", "Observed agreement"),
        /// Agreement table column, two analysts.
        CohenKappa => ("κ de Cohen", "Cohen’s κ"),
        /// Agreement table column, two analysts.
        WeightedKappa => ("κ pondéré", "Weighted κ"),
        /// Agreement table column, three analysts or more.
        FleissKappa => ("κ de Fleiss", "Fleiss’ κ"),
        /// Agreement table column.
        KrippendorffAlpha => ("α de Krippendorff", "Krippendorff’s α"),
        /// Under the agreement table with two analysts: the weights of the weighted kappa.
        WeightedKappaKey => ("κ pondéré\u{a0}: Accord, Partiel et Écart sont ordonnés (un cran d’écart compte pour moitié), Silence reste à part.", "Weighted κ: Agreement, Partial and Gap are ordered (one step apart counts half), Silent stands apart."),
        /// Under the agreement table: what a dash means.
        UndefinedStatistic => ("—\u{a0}: non défini (trop peu de cellules comparées, ou une seule appréciation partout).", "—: undefined (too few cells compared, or one stance throughout)."),
        /// With a subset: what the statistics and the list cover.
        AgreementWholeGrid => ("Les statistiques portent sur toute la grille\u{a0}; la liste des désaccords, sur la sélection de ce rapport.", "The statistics cover the whole grid; the list of disagreements, this report’s selection."),
        /// With three analysts or more: the alpha takes more cells than the kappas.
        AlphaTakesMore => ("L’α de Krippendorff prend aussi les cellules que deux analystes au moins ont évaluées.", "Krippendorff’s α also takes the cells at least two analysts assessed."),
        /// The list of cells the analysts tagged differently.
        Disagreements => ("Désaccords", "Disagreements"),
        /// What the list of disagreements holds.
        DisagreementsIntro => ("Chaque cellule de ce rapport que deux analystes ont évaluée sans lui donner la même appréciation, dans l’ordre du dossier, avec l’appréciation et la note de chacun.", "Every cell of this report that two analysts assessed with different stances, in dossier order, with each analyst’s stance and note."),
        /// No cell tagged differently.
        NoDisagreements => ("Aucun désaccord\u{a0}: chaque cellule évaluée par deux analystes au moins a reçu de chacun la même appréciation.", "No disagreement: every cell two analysts or more assessed has the same stance from each."),
    }
}

/// "Pilier 3" / "Pillar 3": a pillar named by its place in the dossier.
#[must_use]
pub fn pillar(lang: Lang, number: usize) -> String {
    format!("{} {number}", lang.pick("Pilier", "Pillar"))
}

/// A label followed by a colon, with the French non-breaking space before it.
#[must_use]
pub fn colon(lang: Lang, label: &str) -> String {
    format!("{label}{}", lang.pick("\u{a0}:", ":"))
}

/// Text between the language's quotation marks: « … » or “…”.
#[must_use]
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{text}\u{a0}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// What a stance means, as the method section and the window's stance buttons say it.
#[must_use]
pub fn stance_meaning(lang: Lang, stance: Stance) -> &'static str {
    match stance {
        Stance::Agreement => T::MethodAgreement,
        Stance::Partial => T::MethodPartial,
        Stance::Gap => T::MethodGap,
        Stance::Silent => T::MethodSilent,
    }
    .get(lang)
}

/// The method section's lines: each stance with what it means, then what counts as evidence.
#[must_use]
pub fn method(lang: Lang) -> [(&'static str, &'static str); 5] {
    let line = |s: Stance| (s.label(lang), stance_meaning(lang, s));
    [
        line(Stance::Agreement),
        line(Stance::Partial),
        line(Stance::Gap),
        line(Stance::Silent),
        (
            T::MethodEvidenceLabel.get(lang),
            T::MethodEvidence.get(lang),
        ),
    ]
}

/// What the report says of a stakeholder the first time, after its short name: its full name
/// (when it differs) and its description, e.g. `Conseil national de l’Ordre des médecins :
/// instance ordinale…`; empty when the dossier says nothing more.
#[must_use]
pub fn who(lang: Lang, s: &crate::report::StakeholderInfo) -> String {
    let full = s.full_name.trim();
    let full = if full == s.name.trim() { "" } else { full };
    let description = s.description.trim();
    match (full.is_empty(), description.is_empty()) {
        (false, false) => format!("{full}{}{description}", lang.pick("\u{a0}: ", ": ")),
        (false, true) => full.to_owned(),
        (true, _) => description.to_owned(),
    }
}

/// `assessed / total` with the percentage, e.g. `105 / 105 (100 %)`.
#[must_use]
pub fn fraction(lang: Lang, done: usize, total: usize) -> String {
    format!("{done} / {total} ({})", percent(lang, done, total))
}

/// "105 / 105 cellules évaluées (100 %)": the completion line of the header.
#[must_use]
pub fn completion(lang: Lang, done: usize, total: usize) -> String {
    format!(
        "{done} / {total} {} ({})",
        T::CellsAssessed.get(lang),
        percent(lang, done, total)
    )
}

/// "Uniopss : 1 écart, 18 accords partiels" — the count line of a stakeholder's gaps.
#[must_use]
pub fn gap_counts(lang: Lang, gaps: usize, partials: usize) -> String {
    let gaps_text = match lang {
        Lang::Fr => format!("{gaps} écart{}", plural_fr(gaps)),
        Lang::En => format!("{gaps} gap{}", plural_en(gaps)),
    };
    let partials_text = match lang {
        Lang::Fr => format!("{partials} accord{s} partiel{s}", s = plural_fr(partials)),
        Lang::En => format!("{partials} partial agreement{}", plural_en(partials)),
    };
    // A count of zero is left out ("16 accords partiels", not "0 écart, 16 accords partiels");
    // a stakeholder with neither is named apart ([`none_for`]).
    match (gaps, partials) {
        (_, 0) => gaps_text,
        (0, _) => partials_text,
        _ => format!("{gaps_text}, {partials_text}"),
    }
}

/// "Sans écart ni accord partiel : FHF." — the stakeholders a section has nothing for, named so
/// that a reader does not take their absence for an omission.
#[must_use]
pub fn none_for(lang: Lang, what: T, names: &[&str]) -> String {
    let colon = match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    };
    format!("{}{colon} {}.", what.get(lang), names.join(", "))
}

/// "12 cellules non évaluées sur 105." — the unassessed count line.
#[must_use]
pub fn unassessed_count(lang: Lang, count: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{count} cellule{s} non évaluée{s} sur {total}.",
            s = plural_fr(count)
        ),
        Lang::En => format!("{count} of {total} cells unassessed."),
    }
}

/// "(dont 2 non évaluées)": how many cells behind a silence are still unassessed, so the
/// reader knows the silence is provisional.
#[must_use]
pub fn provisional(lang: Lang, unassessed: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "(provisoire : {unassessed} cellule{s} non évaluée{s})",
            s = plural_fr(unassessed)
        ),
        Lang::En => format!("(provisional: {unassessed} unassessed)"),
    }
}

/// The warning about assessments the report leaves out because the dossier lacks their measure
/// or stakeholder.
#[must_use]
pub fn orphans(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{count} évaluation{s} porte{nt} sur une mesure ou une partie prenante absente du dossier ; \
             elle{s} ne figure{nt} pas dans l’analyse et {sont} listée{s} à la fin, avant le détail.",
            s = plural_fr(count),
            nt = plural(Lang::Fr, count, "", "nt"),
            sont = plural(Lang::Fr, count, "est", "sont")
        ),
        Lang::En => format!(
            "{count} assessment{s} concern{v} a measure or stakeholder missing from the dossier: \
             {are} left out of the analysis and listed near the end, before the detail.",
            s = plural_en(count),
            v = plural(Lang::En, count, "s", ""),
            are = plural(Lang::En, count, "is", "are")
        ),
    }
}

/// The mark of a quote a cell cites from another stakeholder than its own, named.
#[must_use]
pub fn misattributed(lang: Lang, owner: &str) -> String {
    match lang {
        Lang::Fr => format!("⚠ citation attribuée à une autre partie prenante ({owner})"),
        Lang::En => format!("⚠ quote attributed to another stakeholder ({owner})"),
    }
}

/// The analyst's name for the header; a session nobody signed says so rather than leave a
/// blank.
#[must_use]
pub fn analyst(lang: Lang, name: &str) -> &str {
    if name.trim().is_empty() {
        lang.pick("(non renseigné)", "(not given)")
    } else {
        name
    }
}

/// The header's note on pillars the dossier's author inferred, when there are any: the summary
/// by pillar rests on them.
#[must_use]
pub fn inferred_pillars(lang: Lang, inferred: usize, measures: usize) -> Option<String> {
    (inferred > 0).then(|| match lang {
        Lang::Fr => format!(
            "Pilier déduit pour {inferred} mesure{s} sur {measures}\u{a0}: les sources ne le \
             précisent pas, l’auteur du dossier l’a choisi.",
            s = plural_fr(inferred)
        ),
        Lang::En => format!(
            "Pillar inferred for {inferred} of {measures} measure{s}: the sources do not say it; \
             the dossier’s author chose it.",
            s = plural_en(measures)
        ),
    })
}

/// The silent measures' heading and the line saying there are none. When the report leaves
/// stakeholders out, a measure is silent for the selected ones only (another stakeholder may
/// have spoken to it), and the words say so.
#[must_use]
pub fn silent_measures(lang: Lang, selection: &Selection) -> (&'static str, &'static str) {
    let (heading, none) = if selection.stakeholders < selection.all_stakeholders {
        (T::SilentMeasuresSelected, T::NoSilentMeasuresSelected)
    } else {
        (T::SilentMeasures, T::NoSilentMeasures)
    };
    (heading.get(lang), none.get(lang))
}

/// The note a subset adds to the header: "3 parties prenantes sur 5, 2 piliers sur 4".
#[must_use]
pub fn subset(lang: Lang, stakeholders: (usize, usize), pillars: (usize, usize)) -> Option<String> {
    if stakeholders.0 == stakeholders.1 && pillars.0 == pillars.1 {
        return None;
    }
    Some(match lang {
        Lang::Fr => format!(
            "Sélection : {} partie{s} prenante{s} sur {}, {} pilier{p} sur {}.",
            stakeholders.0,
            stakeholders.1,
            pillars.0,
            pillars.1,
            s = plural_fr(stakeholders.0),
            p = plural_fr(pillars.0)
        ),
        Lang::En => format!(
            "Selection: {} of {} stakeholders, {} of {} pillars.",
            stakeholders.0, stakeholders.1, pillars.0, pillars.1
        ),
    })
}

/// A count as the language writes it: "1 234" (narrow no-break space) or "1,234".
#[must_use]
pub fn count(lang: Lang, n: usize) -> String {
    crate::i18n::number(lang, f64::from(u32::try_from(n).unwrap_or(u32::MAX)))
}

/// "107 citations vérifiées sur 109, dont 3 avec des différences typographiques ; 2
/// introuvables": how many citations were verified, overall or in one source (no final stop).
#[must_use]
pub fn verified_counts(lang: Lang, t: &Tally) -> String {
    let verified = t.verified + t.typographic;
    let (v, total) = (count(lang, verified), count(lang, t.total()));
    let mut out = match lang {
        Lang::Fr => format!(
            "{v} citation{s} vérifiée{s} sur {total}",
            s = plural_fr(verified)
        ),
        Lang::En => format!("{v} of {total} citation{} verified", plural_en(t.total())),
    };
    if t.typographic > 0 {
        let n = count(lang, t.typographic);
        let _ = match lang {
            Lang::Fr => write!(out, ", dont {n} avec des différences typographiques"),
            Lang::En => write!(out, ", {n} of them with typographic differences"),
        };
    }
    let sep = lang.pick("\u{a0}; ", "; ");
    if t.not_found > 0 {
        let n = count(lang, t.not_found);
        let _ = match lang {
            Lang::Fr => write!(out, "{sep}{n} introuvable{}", plural_fr(t.not_found)),
            Lang::En => write!(out, "{sep}{n} not found"),
        };
    }
    if t.unavailable > 0 {
        let n = count(lang, t.unavailable);
        let _ = match lang {
            Lang::Fr => write!(out, "{sep}{n} sans texte source"),
            Lang::En => write!(out, "{sep}{n} without source text"),
        };
    }
    out
}

/// "texte source non disponible : citations non vérifiées (4 citations)": a source without
/// text, said once for all its citations.
#[must_use]
pub fn unavailable_source(lang: Lang, citations: usize) -> String {
    let s = match lang {
        Lang::Fr => plural_fr(citations),
        Lang::En => plural_en(citations),
    };
    format!(
        "{} ({} citation{s})",
        T::SourceUnavailable.get(lang),
        count(lang, citations)
    )
}

/// "Communiqué (Ministère) — 1 citation vérifiée sur 2 ; 1 introuvable": a source's line of
/// the verification (no final stop).
#[must_use]
pub fn source_checks(lang: Lang, s: &SourceCheck) -> String {
    let counts = if s.is_unavailable() {
        unavailable_source(lang, s.tally.total())
    } else {
        verified_counts(lang, &s.tally)
    };
    format!("{} — {counts}", checked_source(s))
}

/// "Communiqué (Ministère)": a source as the verification names it.
#[must_use]
pub fn checked_source(s: &SourceCheck) -> String {
    if s.organisation.is_empty() {
        s.title.to_owned()
    } else {
        format!("{} ({})", s.title, s.organisation)
    }
}

/// A citation not found, in two lines: "m1, citation 2, introuvable : « … »" and "passage le
/// plus proche (§ 3) : « … »" (or that nothing is alike).
#[must_use]
pub fn not_found(lang: Lang, n: &NotFound) -> (String, String) {
    let first = format!(
        "{} {}",
        colon(lang, &format!("{}, {}", n.which, T::NotFound.get(lang))),
        quoted(lang, n.excerpt)
    );
    let second = match n.closest {
        Some(c) => format!(
            "{} {}",
            colon(
                lang,
                &format!("{} ({})", T::ClosestPassage.get(lang), c.place)
            ),
            quoted(lang, &c.text)
        ),
        None => format!("{}.", T::NoClosestPassage.get(lang)),
    };
    (first, second)
}

/// French plural `s`: none for 0 and 1.
pub(crate) fn plural_fr(n: usize) -> &'static str {
    plural(Lang::Fr, n, "", "s")
}

/// English plural `s`: none for 1 only.
pub(crate) fn plural_en(n: usize) -> &'static str {
    plural(Lang::En, n, "", "s")
}

/// The mark of an unassessed cell, distinct from every [`crate::model::Stance::icon`].
pub const UNASSESSED_ICON: &str = "?";

/// A cell's state in words: the stance's word, or "unassessed".
#[must_use]
pub fn stance_label(lang: Lang, stance: Option<Stance>) -> &'static str {
    stance.map_or_else(|| crate::i18n::unassessed(lang), |s| s.label(lang))
}

/// A cell's state as its symbol.
#[must_use]
pub fn stance_icon(stance: Option<Stance>) -> &'static str {
    stance.map_or(UNASSESSED_ICON, Stance::icon)
}

/// A cell's state as symbol and word, e.g. `✖ Écart`: never colour alone.
#[must_use]
pub fn stance(lang: Lang, stance: Option<Stance>) -> String {
    format!("{} {}", stance_icon(stance), stance_label(lang, stance))
}

/// Where a quote comes from: `Title (Organisation, juillet 2020), Pilier 1, proposition 1`.
#[must_use]
pub fn source(lang: Lang, quote: &Quote) -> String {
    let mut out = quote.source_title.to_owned();
    let date = crate::i18n::date(lang, quote.date);
    let about: Vec<&str> = [quote.organisation, date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !about.is_empty() {
        let _ = write!(out, " ({})", about.join(", "));
    }
    if let Some(location) = quote.location {
        out.push_str(", ");
        out.push_str(location);
    }
    out
}

/// "Projet de contribution au Ségur de la santé — Uniopss, juillet 2020": a source as the
/// sources list names it (its link and copy are added by each rendering).
#[must_use]
pub fn source_entry(lang: Lang, s: &crate::report::SourceInfo) -> String {
    let date = crate::i18n::date(lang, s.date);
    let about: Vec<&str> = [s.organisation, date.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if about.is_empty() {
        s.title.to_owned()
    } else {
        format!("{} — {}", s.title, about.join(", "))
    }
}

/// Whether `url` may be a link in the HTML report: a web address, nothing a click would run.
#[must_use]
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
}

/// A cell's review flags in one line: "À vérifier (analyste : …) ; À revoir (…)".
#[must_use]
pub fn flags(
    lang: Lang,
    review: &[(crate::model::ReviewReason, &crate::model::ReviewOrigin)],
) -> String {
    let flags: Vec<String> = review
        .iter()
        .map(|(reason, origin)| crate::i18n::review_flag(lang, *reason, origin))
        .collect();
    flags.join(lang.pick(" ; ", "; "))
}

/// A statistic of the agreement section, rounded to three decimals as the language writes it
/// ("0,857" or "0.857"); "—" when it does not apply or is undefined.
#[must_use]
pub fn statistic(lang: Lang, v: Option<f64>) -> String {
    match v {
        // Adding 0 turns a rounded −0 into 0.
        Some(v) if v.is_finite() => crate::i18n::number(lang, (v * 1000.0).round() / 1000.0 + 0.0),
        _ => "—".to_owned(),
    }
}

/// The analysts as the agreement section names them, in order: a blank name as [`analyst`]
/// says it, and a name given to two sessions or more followed by each one's place in the list,
/// "Camille (1)", "Camille (2)", so that no two read alike.
#[must_use]
pub fn analyst_names(lang: Lang, analysts: &[String]) -> Vec<String> {
    let names: Vec<&str> = analysts.iter().map(|a| analyst(lang, a)).collect();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if names.iter().filter(|n| *n == name).count() > 1 {
                format!("{name} ({})", i + 1)
            } else {
                (*name).to_owned()
            }
        })
        .collect()
}

/// The sentence that opens the agreement section: who was compared, how many cells, how many
/// left out and why. `names` from [`analyst_names`], this session's first.
#[must_use]
pub fn agreement_intro(lang: Lang, names: &[String], overall: &Scope) -> String {
    let n = names.len();
    let (first, others) = names
        .split_first()
        .map_or(("", &[][..]), |(f, o)| (f.as_str(), o));
    let (cells, compared, left) = (overall.cells, overall.compared, overall.left_out);
    let (c, k, o) = (count(lang, cells), count(lang, compared), count(lang, left));
    match lang {
        Lang::Fr => {
            let left_out = if left == 0 {
                "aucune n’est laissée de côté".to_owned()
            } else {
                format!(
                    "{o} {} laissée{s} de côté, qu’un analyste au moins n’a pas évaluée{s}",
                    plural(Lang::Fr, left, "est", "sont"),
                    s = plural_fr(left)
                )
            };
            format!(
                "{n} analystes comparés\u{a0}: {first} (cette session), {}. Sur {c} cellule{}, \
                 {k} {} comparée{s}, évaluée{s} par chacun\u{a0}; {left_out}.",
                others.join(", "),
                plural_fr(cells),
                plural(Lang::Fr, compared, "est", "sont"),
                s = plural_fr(compared)
            )
        }
        Lang::En => {
            let left_out = if left == 0 {
                "none is left out".to_owned()
            } else {
                format!(
                    "{o} {} left out, unassessed by at least one analyst",
                    plural(Lang::En, left, "is", "are")
                )
            };
            format!(
                "{n} analysts compared: {first} (this session), {}. Of {c} cell{}, {k} {} \
                 compared, assessed by every analyst; {left_out}.",
                others.join(", "),
                plural_en(cells),
                plural(Lang::En, compared, "is", "are")
            )
        }
    }
}

/// The agreement table's column headings after the scope's: the counts, the observed
/// agreement, the kappas that apply to `analysts` analysts (Cohen's and the weighted one for
/// two, Fleiss' for more), Krippendorff's alpha.
#[must_use]
pub fn agreement_columns(lang: Lang, analysts: usize) -> Vec<&'static str> {
    let kappas: &[T] = if analysts == 2 {
        &[T::CohenKappa, T::WeightedKappa]
    } else {
        &[T::FleissKappa]
    };
    [
        T::AgreementCells,
        T::AgreementCompared,
        T::AgreementLeftOut,
        T::ObservedAgreement,
    ]
    .iter()
    .chain(kappas)
    .chain([&T::KrippendorffAlpha])
    .map(|t| t.get(lang))
    .collect()
}

/// One line of the agreement table, in [`agreement_columns`] order.
#[must_use]
pub fn agreement_row(lang: Lang, scope: &Scope, analysts: usize) -> Vec<String> {
    let kappas = if analysts == 2 {
        vec![scope.cohen_kappa, scope.weighted_kappa]
    } else {
        vec![scope.fleiss_kappa]
    };
    [scope.cells, scope.compared, scope.left_out]
        .into_iter()
        .map(|n| count(lang, n))
        .chain(
            [scope.observed_agreement]
                .into_iter()
                .chain(kappas)
                .chain([scope.krippendorff_alpha])
                .map(|v| statistic(lang, v)),
        )
        .collect()
}

/// The lines of the agreement table, each scope with its name: overall, each stakeholder, each
/// pillar ("Pilier 2 — title").
#[must_use]
pub fn agreement_scopes(lang: Lang, a: &Agreement) -> Vec<(String, &Scope)> {
    std::iter::once((T::Overall.get(lang).to_owned(), &a.overall))
        .chain(a.stakeholders.iter().map(|s| (s.name.clone(), &s.scope)))
        .chain(
            a.pillars
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("{} — {}", pillar(lang, i + 1), p.name), &p.scope)),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_counts_follow_french_plural_rules() {
        assert_eq!(gap_counts(Lang::Fr, 1, 0), "1 écart");
        assert_eq!(gap_counts(Lang::Fr, 0, 16), "16 accords partiels");
        assert_eq!(gap_counts(Lang::Fr, 2, 18), "2 écarts, 18 accords partiels");
        assert_eq!(gap_counts(Lang::En, 1, 0), "1 gap");
    }

    #[test]
    fn fraction_of_an_empty_grid_is_complete() {
        assert_eq!(fraction(Lang::En, 0, 0), "0 / 0 (100%)");
        assert_eq!(fraction(Lang::Fr, 1, 3), "1 / 3 (33\u{a0}%)");
    }

    #[test]
    fn statistics_round_to_three_decimals_in_each_language_and_a_missing_one_is_a_dash() {
        assert_eq!(statistic(Lang::Fr, Some(0.857_142)), "0,857");
        assert_eq!(statistic(Lang::En, Some(0.857_142)), "0.857");
        assert_eq!(statistic(Lang::Fr, Some(1.0)), "1");
        assert_eq!(statistic(Lang::Fr, Some(-0.0001)), "0");
        assert_eq!(statistic(Lang::En, Some(-0.25)), "-0.25");
        assert_eq!(statistic(Lang::Fr, None), "—");
        assert_eq!(statistic(Lang::Fr, Some(f64::NAN)), "—");
    }

    #[test]
    fn analysts_with_the_same_name_are_told_apart_by_their_place() {
        let names = ["Camille".to_owned(), String::new(), "Camille".to_owned()];
        assert_eq!(
            analyst_names(Lang::Fr, &names),
            ["Camille (1)", "(non renseigné)", "Camille (3)"]
        );
    }
}
