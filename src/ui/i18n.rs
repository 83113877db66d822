//! Every string the window shows, in French and English, keyed by [`Text`]. Views never write
//! user-visible text inline; they call [`tr`].

use crate::i18n::Lang;

crate::i18n::catalogue! {
    /// A string of the interface.
    pub enum Text {
        MenuFile => ("Fichier", "File"),
        MenuEdit => ("Édition", "Edit"),
        MenuView => ("Affichage", "View"),
        MenuRecent => ("Ouvrir un fichier récent", "Open recent"),
        NoRecent => ("(aucun fichier récent)", "(no recent file)"),
        MenuLanguage => ("Langue", "Language"),
        MenuTheme => ("Thème", "Theme"),
        ThemeLight => ("Clair", "Light"),
        ThemeDark => ("Sombre", "Dark"),
        CmdNew => ("Nouvelle session (Ségur)", "New session (Ségur)"),
        CmdNewTip => ("Commencer une analyse vierge sur le dossier Ségur intégré", "Start a blank analysis on the embedded Ségur dossier"),
        CmdOpen => ("Ouvrir…", "Open…"),
        CmdOpenTip => ("Ouvrir une session ou un dossier (.ron)", "Open a session or a dossier (.ron)"),
        CmdOpenExample => ("Ouvrir l’analyse d’exemple", "Open the example analysis"),
        CmdOpenExampleTip => ("L’analyse complète du Ségur fournie avec l’application", "The complete Ségur analysis shipped with the app"),
        CmdSave => ("Enregistrer", "Save"),
        CmdSaveTip => ("Enregistrer la session (l’ancienne version est gardée en .bak)", "Save the session (the previous version is kept as .bak)"),
        CmdSaveAs => ("Enregistrer sous…", "Save as…"),
        CmdSaveAsTip => ("Enregistrer la session dans un nouveau fichier", "Save the session to a new file"),
        CmdExport => ("Exporter le rapport…", "Export report…"),
        CmdExportTip => ("Exporter le rapport d’écarts en Markdown, HTML, Word, OpenDocument ou CSV", "Export the gap report as Markdown, HTML, Word, OpenDocument or CSV"),
        CmdPrint => ("Imprimer…", "Print…"),
        CmdPrintTip => ("Ouvrir le rapport (HTML, avec le détail) dans le navigateur, prêt à imprimer ou à enregistrer en PDF", "Open the report (HTML, with the detail) in the browser, ready to print or save as PDF"),
        Printed => ("Rapport ouvert dans le navigateur\u{a0}: imprimez-le de là (Ctrl+P). Fichier\u{a0}:", "Report opened in the browser: print it from there (Ctrl+P). File:"),
        PrintOpenFailed => ("Le rapport est écrit mais le navigateur n’a pas pu être ouvert\u{a0}; ouvrez ce fichier pour l’imprimer\u{a0}:", "The report is written but the browser could not be opened; open this file to print it:"),
        CmdExportQdpx => ("Exporter un projet REFI-QDA (NVivo, ATLAS.ti, MAXQDA…)…", "Export a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA…)…"),
        CmdExportQdpxTip => ("Écrire la session en projet .qdpx, avec le texte des documents lus\u{a0}; un nom en .qdc écrit la grille de codes seule", "Write the session as a .qdpx project, with the text of the documents read; a .qdc name writes the codebook alone"),
        CmdImportQdpx => ("Importer des codages REFI-QDA (.qdpx)…", "Import REFI-QDA codings (.qdpx)…"),
        CmdImportQdpxTip => ("Proposer comme positions les extraits codés d’un projet fait dans un autre logiciel\u{a0}; rien n’est créé sans vous", "Propose as positions the coded excerpts of a project made in another program; nothing is created without you"),
        CmdReviewCandidates => ("Positions proposées…", "Proposed positions…"),
        CmdReviewCandidatesTip => ("Les extraits importés en attente\u{a0}: en faire des positions ou les écarter", "The imported excerpts waiting: make positions of them or discard them"),
        QdpxFiles => ("Projets REFI-QDA (.qdpx)", "REFI-QDA projects (.qdpx)"),
        QdpxExported => ("Projet REFI-QDA exporté", "REFI-QDA project exported"),
        ImportDialogTitle => ("Projet REFI-QDA dont importer les codages", "REFI-QDA project to import codings from"),
        ImportFailed => ("Import impossible\u{a0}; la session n’a pas changé.", "Nothing imported; the session is unchanged."),
        ImportNonePlaced => ("Aucun extrait codé de ce projet n’a pu être rattaché au dossier (les raisons sont dans la fenêtre des positions proposées).", "No coded excerpt of this project could be placed in the dossier (the reasons are in the proposed positions window)."),
        ImportNothingNew => ("Rien de nouveau\u{a0}: chaque extrait codé de ce projet est déjà une position, une citation ou une proposition.", "Nothing new: every coded excerpt of this project is already a position, a citation or a proposal."),
        Imported => ("Import REFI-QDA\u{a0}:", "REFI-QDA import:"),
        CandidatesTitle => ("Positions proposées", "Proposed positions"),
        CandidatesIntro => ("Extraits codés importés d’un autre logiciel, mot pour mot. Faites-en une position (type, intitulé, mesures) ou écartez-les\u{a0}; Ctrl+Z annule l’un et l’autre.", "Coded excerpts imported from another program, word for word. Make a position of each (kind, title, measures) or discard it; Ctrl+Z undoes either."),
        CandidatesNone => ("Aucune position proposée en attente.", "No proposed position waiting."),
        CandidatesLeftOut => ("Extraits laissés de côté par le dernier import", "Excerpts the last import left out"),
        CandidateFrom => ("importée de", "imported from"),
        CandidateAccept => ("Créer la position…", "Make a position…"),
        CandidateAcceptTip => ("Choisir le type, l’intitulé et les mesures\u{a0}; l’extrait reste tel quel", "Choose the kind, title and measures; the excerpt stays as it is"),
        CandidateDiscard => ("Écarter", "Discard"),
        CandidateDiscardTip => ("Retirer cette proposition sans créer de position", "Remove this proposal without making a position"),
        TaskImport => ("Import de", "Importing"),
        CmdQuit => ("Quitter", "Quit"),
        CmdQuitTip => ("Fermer Vis-à-vis", "Close Vis-à-vis"),
        CmdUndo => ("Annuler", "Undo"),
        CmdUndoTip => ("Annuler la dernière modification", "Undo the last edit"),
        CmdRedo => ("Rétablir", "Redo"),
        CmdRedoTip => ("Rétablir la modification annulée", "Redo the undone edit"),
        CmdFind => ("Rechercher", "Find"),
        CmdFindTip => ("Chercher dans les mesures, les positions et les notes", "Search measures, positions and notes"),
        CmdCancelTask => ("Interrompre", "Cancel"),
        CmdCancelTaskTip => ("Arrêter l’opération en cours\u{a0}: rien n’est changé", "Stop the work in progress: nothing changes"),
        TaskOpen => ("Ouverture de", "Opening"),
        TaskSave => ("Enregistrement de", "Saving"),
        TaskExport => ("Export du rapport vers", "Exporting the report to"),
        TaskCancelled => ("Opération interrompue\u{a0}: rien n’a changé.", "Cancelled: nothing changed."),
        SavedBeforeCancel => ("Trop tard pour interrompre\u{a0}: la session était déjà enregistrée.", "Too late to cancel: the session was already saved."),
        WaitForTask => ("Une opération est en cours\u{a0}: attendez sa fin ou interrompez-la (barre d’état).", "Work is in progress: wait for it or cancel it (status bar)."),
        TaskFailed => ("L’opération s’est arrêtée de façon inattendue\u{a0}; rien n’a changé.", "The work stopped unexpectedly; nothing changed."),
        SavedOverLimit => ("Attention\u{a0}: le fichier dépasse la taille que Vis-à-vis ouvre sans demander\u{a0}; il demandera confirmation à l’ouverture.", "Note: the file is larger than Vis-à-vis opens without asking; opening it will ask for confirmation."),
        TooLargeTitle => ("Fichier très volumineux", "Very large file"),
        TooLargeSize => ("Ce fichier fait", "This file is"),
        TooLargeBody => ("Une session dépasse rarement cette taille\u{a0}: est-ce bien une session\u{a0}? L’ouvrir peut prendre du temps et de la mémoire.", "A session is rarely this large: is it really one? Opening it may take time and memory."),
        OpenAnywayButton => ("Ouvrir quand même", "Open anyway"),
        CmdClear => ("Effacer l’appréciation", "Clear the tag"),
        CmdClearTip => ("Remettre la cellule à « non évaluée » (la note reste)", "Set the cell back to unassessed (the note stays)"),
        CmdNext => ("Cellule suivante à traiter", "Next cell to review"),
        CmdNextTip => ("Aller à la prochaine cellule non évaluée ou en écart", "Go to the next unassessed or gap cell"),
        CmdPrev => ("Cellule précédente à traiter", "Previous cell to review"),
        CmdPrevTip => ("Revenir à la précédente cellule non évaluée ou en écart", "Go back to the previous unassessed or gap cell"),
        CmdUp => ("Monter", "Up"),
        CmdDown => ("Descendre", "Down"),
        CmdLeft => ("Gauche", "Left"),
        CmdRight => ("Droite", "Right"),
        CmdPageUp => ("Page précédente", "Page up"),
        CmdPageDown => ("Page suivante", "Page down"),
        CmdFirstRow => ("Première mesure", "First measure"),
        CmdLastRow => ("Dernière mesure", "Last measure"),
        CmdMoveTip => ("Déplacer la sélection dans la grille", "Move the selection in the grid"),
        Measure => ("Mesure", "Measure"),
        Search => ("Rechercher…", "Search…"),
        SearchHint => ("mesures, positions, notes (accents ignorés)", "measures, positions, notes (accents ignored)"),
        Pillars => ("Piliers", "Pillars"),
        Stakeholders => ("Parties prenantes", "Stakeholders"),
        Stances => ("Appréciations", "Stances"),
        OnlyGaps => ("Seulement les écarts", "Only gaps"),
        OnlyGapsTip => ("Ne montrer que les mesures où au moins une partie prenante est en écart", "Show only measures where at least one stakeholder sees a gap"),
        ResetFilters => ("Tout afficher", "Show all"),
        CheckAll => ("Tout cocher", "Check all"),
        UncheckAll => ("Tout décocher", "Uncheck all"),
        Progress => ("Avancement", "Progress"),
        CellsAssessed => ("cellules évaluées", "cells assessed"),
        Analyst => ("Analyste", "Analyst"),
        AnalystHint => ("votre nom", "your name"),
        RowsShown => ("mesures affichées", "measures shown"),
        NoRowMatches => ("Aucune mesure ne correspond aux filtres.", "No measure matches the filters."),
        Quote => ("citation", "quote"),
        Quotes => ("citations", "quotes"),
        QuotesAvailable => ("citations disponibles", "quotes available"),
        QuoteAvailable => ("citation disponible", "quote available"),
        NoQuoteShort => ("sans citation", "no quote"),
        // The mark is "(!)": egui's default fonts have no ⚠ glyph.
        MisattributedShort => ("(!) citation d’une autre partie prenante", "(!) quote of another stakeholder"),
        MisattributedTip => ("La cellule cite comme preuve une position d’une autre partie prenante (modification à la main, fusion)\u{a0}: ce ne sont pas les mots de celle-ci. Ouvrez la cellule pour retirer le lien.", "The cell cites as evidence a position of another stakeholder (a hand edit, a merge): these are not this stakeholder's words. Open the cell to remove the link."),
        MissingShort => ("(!) position absente du dossier", "(!) position not in the dossier"),
        MissingTip => ("La cellule cite comme preuve une position que le dossier n’a pas. Ouvrez la cellule pour retirer le lien.", "The cell cites as evidence a position the dossier does not have. Open the cell to remove the link."),
        MisattributedDetail => ("(!) Citation d’une autre partie prenante, liée à cette cellule\u{a0}: ce ne sont pas les mots de la partie prenante de la cellule.", "(!) A quote of another stakeholder, linked to this cell: these are not the words of the cell's stakeholder."),
        OfStakeholder => ("position de", "position of"),
        RemoveLink => ("Retirer le lien", "Remove the link"),
        NoQuoteTip => ("Aucune position n’est liée comme preuve\u{a0}: liez la citation qui fonde ce jugement.", "No position is linked as evidence: link the quote this judgement rests on."),
        RowShown => ("mesure affichée", "measure shown"),
        SelectCell => ("Sélectionnez une cellule de la grille (clic ou flèches) pour voir la mesure, les positions de la partie prenante et l’apprécier.", "Select a grid cell (click or arrows) to see the measure, the stakeholder’s positions and tag it."),
        PillarInferred => ("pilier déduit (les sources ne le disent pas)", "inferred pillar (the sources do not say)"),
        Figures => ("Chiffres", "Figures"),
        Citations => ("Sources de la mesure", "Measure sources"),
        StanceOf => ("Appréciation", "Stance"),
        Note => same("Note"),
        NoteHint => ("Pourquoi cette appréciation\u{a0}?", "Why this stance?"),
        Labels => ("Étiquettes", "Labels"),
        AddLabel => ("Ajouter", "Add"),
        LabelHint => ("nouvelle étiquette", "new label"),
        RemoveLabelTip => ("Retirer cette étiquette", "Remove this label"),
        Review => ("Signalement", "Review flag"),
        FlagForCheck => ("À vérifier", "To check"),
        FlagForCheckTip => ("Signaler cette appréciation à vérifier (la raison est facultative)", "Flag this judgement to check (the reason is optional)"),
        FlagWhyHint => ("pourquoi\u{a0}? (facultatif)", "why? (optional)"),
        ClearFlagTip => ("Lever ce signalement", "Clear this flag"),
        FlaggedMark => same("▲"),
        Evidence => ("Positions de la partie prenante", "Stakeholder’s positions"),
        CiteAsEvidence => ("Citer comme preuve de cette appréciation", "Cite as evidence for this stance"),
        LinkTip => ("Lier cette position comme preuve de l’appréciation", "Link this position as evidence for the stance"),
        OnThisMeasure => ("porte sur cette mesure", "speaks to this measure"),
        OtherPositions => ("Autres positions de la partie prenante", "Other positions of the stakeholder"),
        NoPositions => ("Cette partie prenante n’a aucune position dans le dossier.", "This stakeholder has no position in the dossier."),
        LastEdit => ("Dernière modification", "Last edit"),
        Unsaved => ("non enregistré", "unsaved"),
        Untitled => ("Sans titre", "Untitled"),
        UnsavedTitle => ("Modifications non enregistrées", "Unsaved changes"),
        UnsavedBody => ("La session contient des modifications non enregistrées. Les enregistrer avant de continuer\u{a0}?", "The session has unsaved changes. Save them before going on?"),
        SaveButton => ("Enregistrer", "Save"),
        DiscardButton => ("Ne pas enregistrer", "Don’t save"),
        KeepRecoveryButton => ("Quitter en gardant une copie de secours", "Quit and keep a recovery copy"),
        CancelButton => ("Annuler", "Cancel"),
        ErrorTitle => ("Erreur", "Error"),
        OpenErrorIntro => ("Impossible d’ouvrir ce fichier\u{a0}; la session ouverte n’a pas changé.", "Cannot open this file; the open session is unchanged."),
        OpenErrorAtStart => ("Impossible d’ouvrir ce fichier\u{a0}; une nouvelle session sur le dossier Ségur est ouverte à la place.", "Cannot open this file; a new session on the Ségur dossier is open instead."),
        SaveErrorIntro => ("L’enregistrement a échoué\u{a0}; vos modifications sont toujours là et l’ancien fichier est intact.", "Saving failed; your changes are still here and the old file is intact."),
        WarningsTitle => ("Fichier ouvert, avec des remarques", "File opened, with remarks"),
        Ok => same("OK"),
        RecoveryTitle => ("Récupérer le travail non enregistré\u{a0}?", "Recover unsaved work?"),
        RecoveryBody => ("Une copie de secours d’une session non enregistrée a été trouvée.", "A recovery copy of an unsaved session was found."),
        RecoveryOf => ("Fichier d’origine", "Original file"),
        RecoveryNever => ("(session jamais enregistrée)", "(session never saved)"),
        RecoveryWritten => ("Copie écrite le", "Copy written on"),
        RestoreButton => ("Restaurer", "Restore"),
        DiscardRecoveryButton => ("Supprimer la copie", "Discard the copy"),
        RecoveryUnreadable => ("La copie de secours est illisible\u{a0}:", "The recovery copy cannot be read:"),
        Saved => ("Enregistré", "Saved"),
        RecoveryWriteFailed => ("Copie de secours non écrite\u{a0}:", "Recovery copy not written:"),
        EditRefused => ("Modification refusée", "Edit refused"),
        Opened => ("Ouvert", "Opened"),
        MigratedFrom => ("ancien format mis à jour à l’enregistrement", "older format, upgraded when saved"),
        NewFromDossier => ("nouvelle session sur ce dossier", "new session on this dossier"),
        ExportTitle => ("Exporter le rapport d’écarts", "Export the gap report"),
        ExportFormat => same("Format"),
        ExportLanguage => ("Langue du rapport", "Report language"),
        ExportDetail => ("Inclure le détail par mesure", "Include the per-measure detail"),
        ExportButton => ("Exporter…", "Export…"),
        ExportVisibleOnly => ("Seulement les piliers et parties prenantes affichés", "Only the pillars and stakeholders shown"),
        ExportVisibleOnlyTip => ("Reprendre les filtres Piliers et Parties prenantes du panneau de gauche", "Use the Pillars and Stakeholders filters of the left panel"),
        ExportDone => ("Rapport exporté", "Report exported"),
        OpenFile => ("Ouvrir le fichier", "Open the file"),
        ExportErrorIntro => ("L’export a échoué\u{a0}; la session n’a pas changé.", "The export failed; the session is unchanged."),
        OpenFileFailed => ("Impossible d’ouvrir le fichier\u{a0}:", "Cannot open the file:"),
        SessionFiles => ("Sessions Vis-à-vis", "Vis-à-vis sessions"),
        CmdNextPane => ("Volet suivant", "Next pane"),
        CmdPrevPane => ("Volet précédent", "Previous pane"),
        CmdPaneTip => ("Passer le clavier aux filtres, à la grille, à la note ou aux citations", "Move the keyboard to the filters, the grid, the note or the quotes"),
        CmdClearSearch => ("Effacer la recherche", "Clear the search"),
        CmdClearSearchTip => ("Vider le champ de recherche (Échap dans la recherche ou la grille)", "Empty the search field (Escape in the search or the grid)"),
        CmdZoomIn => ("Agrandir", "Zoom in"),
        CmdZoomOut => ("Réduire", "Zoom out"),
        CmdZoomReset => ("Taille normale", "Actual size"),
        CmdZoomTip => ("Taille du texte et des cellules ; gardée d’une fois sur l’autre", "Size of text and cells; kept between runs"),
        CmdToggleFilters => ("Panneau des filtres", "Filters panel"),
        CmdToggleDetail => ("Panneau de détail", "Detail panel"),
        CmdTogglePanelTip => ("Afficher ou replier ce panneau ; gardé d’une fois sur l’autre", "Show or fold away this panel; kept between runs"),
        MenuRows => ("Lignes de la grille", "Grid rows"),
        RowsCompact => ("Compactes", "Compact"),
        RowsThree => ("Note sur 3 lignes", "Note on 3 lines"),
        ReviewAt => ("Cellule à traiter", "Cell to review"),
        WrappedToStart => ("retour au début", "back to the start"),
        WrappedToEnd => ("retour à la fin", "back to the end"),
        NothingToReview => ("Aucune cellule à traiter parmi celles affichées.", "No cell to review among those shown."),
        DialogPortal => ("Boîte de dialogue de fichiers\u{a0}: celle du bureau (portail).", "File dialog: the desktop's own (portal)."),
        DialogZenity => ("Boîte de dialogue de fichiers\u{a0}: zenity.", "File dialog: zenity."),
        DialogBuiltIn => ("Boîte de dialogue de fichiers\u{a0}: celle de Vis-à-vis (le système n’en offre pas, ou la préférence la demande).", "File dialog: Vis-à-vis's own (the system offers none, or the preference asks for it)."),
        DialogAlreadyOpen => ("Une boîte de dialogue de fichiers est déjà ouverte.", "A file dialog is already open."),
        DialogOpenTitle => ("Ouvrir une session", "Open a session"),
        DialogSaveTitle => ("Enregistrer sous", "Save as"),
        CompareDialogTitle => ("Session d’un autre analyste, à comparer", "Another analyst’s session, to compare"),
        UpdateDialogTitle => ("Nouvelle version du dossier", "New version of the dossier"),
        DialogOpenButton => ("Ouvrir", "Open"),
        DialogNewFolder => ("Nouveau dossier", "New folder"),
        DialogNewFolderName => ("Nouveau dossier", "New folder"),
        DialogRename => ("Renommer", "Rename"),
        DialogRefresh => ("Actualiser", "Refresh"),
        DialogParent => ("Dossier parent", "Parent folder"),
        DialogFile => ("Fichier\u{a0}:", "File:"),
        DialogHidden => ("Fichiers cachés", "Hidden files"),
        PrefBuiltinDialog => ("Toujours la boîte de dialogue de fichiers intégrée", "Always the built-in file dialog"),
        PrefBuiltinDialogTip => ("Utiliser la boîte de dialogue de Vis-à-vis même quand le système en offre une", "Use Vis-à-vis's own file dialog even where the system offers one"),
        LastSessionMissing => ("La dernière session n’existe plus à cet endroit", "The last session is no longer there"),
        RecentMissing => ("Ce fichier n’existe plus à cet endroit (déplacé ou supprimé).", "This file is no longer there (moved or deleted)."),
        RemoveFromList => ("Retirer de la liste", "Remove from the list"),
        SignalsNotWatched => ("Arrêt du système non surveillé (pas de copie de secours à la fermeture de session)\u{a0}:", "System shutdown not watched (no recovery copy on logout):"),
        MenuHelp => ("Aide", "Help"),
        HelpKeys => ("Raccourcis clavier", "Keyboard shortcuts"),
        HelpMethod => ("Méthode", "Method"),
        HelpAbout => ("À propos de Vis-à-vis", "About Vis-à-vis"),
        AboutLicence => ("Licence", "License"),
        AboutWhat => ("Les mesures d’une réforme face aux positions des parties prenantes\u{a0}: chaque appréciation adossée à une citation, un rapport d’écarts en une minute.", "A reform’s measures side by side with the stakeholders’ positions: every judgement backed by a quote, a gap report in a minute."),
        AboutBuilt => ("Compilé le", "Built on"),
        CloseButton => ("Fermer", "Close"),
        NameTitle => ("Votre nom d’analyste", "Your name as analyst"),
        NameBody => ("Il signe vos appréciations et les rapports. Vous pourrez le changer dans le panneau de gauche.", "It signs your stances and reports. You can change it in the left panel."),
        NameLater => ("Plus tard", "Later"),
        DefaultButtonTip => ("Bouton par défaut\u{a0}: Entrée\u{a0}; Échap annule", "Default button: Enter; Escape cancels"),
        CmdSourcesFolder => ("Dossier des documents sources…", "Source documents folder…"),
        CmdSourcesFolderTip => ("Choisir le dossier où se trouvent les documents cités par ce dossier (retenu pour ce dossier)", "Choose the folder holding the documents this dossier quotes (remembered for this dossier)"),
        MenuSources => ("Documents sources", "Source documents"),
        SourcesNone => ("(aucun document source)", "(no source document)"),
        SourcesReading => ("Lecture des documents sources…", "Reading the source documents…"),
        SourcesFolderTitle => ("Dossier des documents sources", "Source documents folder"),
        SourcesLookedIn => ("Cherchés dans\u{a0}:", "Looked for in:"),
        SourceNotRead => ("Ce document n’a pas pu être lu\u{a0}:", "This document could not be read:"),
        SourceStillReading => ("Les documents sources sont en cours de lecture\u{a0}: réessayez dans un instant.", "The source documents are being read: try again in a moment."),
        QuoteNotLocated => ("Citation introuvable dans le texte du document\u{a0}; le document est ouvert au début.", "Quote not found in the document's text; the document is open at its start."),
        ReaderTitle => ("Lecteur", "Reader"),
        ReaderSearchHint => ("Chercher dans le document", "Search the document"),
        ReaderPrevHit => ("Occurrence précédente", "Previous match"),
        ReaderNextHit => ("Occurrence suivante (Entrée)", "Next match (Enter)"),
        ReaderNoHit => ("Aucune occurrence", "No match"),
        ReadInSourceTip => ("Ouvrir le document source à cette citation, surlignée, avec les paragraphes qui l’entourent", "Open the source document at this quote, highlighted, with the paragraphs around it"),
        Verified => ("vérifiée dans le document", "verified in the document"),
        VerifiedTypographic => ("vérifiée, aux différences typographiques près (césure, apostrophes, ligatures)", "verified, up to typographic differences (hyphenation, apostrophes, ligatures)"),
        NotFound => ("introuvable dans le document", "not found in the document"),
        ClosestPassage => ("Passage le plus proche", "Closest passage"),
        Unverifiable => ("non vérifiée\u{a0}: texte source non disponible", "not verified: source text unavailable"),
        CitationsVerified => ("citations vérifiées sur", "citations verified of"),
        CitationsNotFound => ("introuvable(s)", "not found"),
        CitationsUnverifiable => ("sans texte source", "without source text"),
        MenuDossier => same("Dossier"),
        CmdEditDossier => ("Éditer le dossier…", "Edit the dossier…"),
        CmdEditDossierTip => ("Ajouter, modifier, ordonner ou retirer piliers, mesures, parties prenantes, sources et positions", "Add, edit, order or remove pillars, measures, stakeholders, sources and positions"),
        CmdNewDossier => ("Nouveau dossier vide", "New empty dossier"),
        CmdNewDossierTip => ("Commencer une analyse sur un dossier vide, à construire dans l’éditeur et le lecteur", "Start an analysis on an empty dossier, to build in the editor and the reader"),
        EditorTitle => ("Éditeur du dossier", "Dossier editor"),
        EditPillars => ("Piliers", "Pillars"),
        EditMeasures => ("Mesures", "Measures"),
        EditStakeholders => ("Parties prenantes", "Stakeholders"),
        EditSources => same("Sources"),
        EditPositions => same("Positions"),
        EditEmpty => ("(aucun élément)", "(nothing yet)"),
        EditPick => ("Choisissez un élément dans la liste, ou ajoutez-en un.", "Pick an item in the list, or add one."),
        EditAdd => ("Ajouter", "Add"),
        EditUp => ("Monter d’un rang", "Move up"),
        EditDown => ("Descendre d’un rang", "Move down"),
        EditRemove => ("Retirer", "Remove"),
        EditRemoveAnyway => ("Retirer quand même", "Remove anyway"),
        EditId => ("Identifiant", "Id"),
        EditIdFixed => ("L’identifiant ne change plus une fois l’élément dans le dossier\u{a0}: les appréciations et les liens le citent.", "The id no longer changes once the item is in the dossier: assessments and links name it."),
        EditTitle => ("Intitulé", "Title"),
        EditName => ("Nom court", "Short name"),
        EditFullName => ("Nom complet", "Full name"),
        EditDescription => same("Description"),
        EditOrganisation => ("Organisation", "Organization"),
        EditDate => ("Date (AAAA, AAAA-MM ou AAAA-MM-JJ)", "Date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        EditKind => ("Nature", "Kind"),
        EditFile => ("Fichier du document (relatif au dossier des documents)", "Document file (relative to the documents folder)"),
        EditUrl => ("Adresse web", "Web address"),
        EditOwner => ("Document de la partie prenante", "The stakeholder's document"),
        EditNobody => ("(aucune\u{a0}: document officiel ou autre)", "(none: official or other document)"),
        EditPillar => ("Pilier", "Pillar"),
        EditPillarInferred => ("Pilier déduit (les sources ne le disent pas)", "Pillar inferred (the sources do not say it)"),
        EditSummary => ("Résumé", "Summary"),
        EditQuote => ("Citation", "Quote"),
        EditExcerpt => ("Extrait, mot pour mot", "Excerpt, word for word"),
        EditLocation => ("Emplacement (page, section)", "Location (page, section)"),
        EditAddCitation => ("Ajouter une citation", "Add a citation"),
        EditRemoveCitation => ("Retirer cette citation", "Remove this citation"),
        EditAddAmount => ("+ montant", "+ an amount"),
        EditAddQuantity => ("+ quantité", "+ a quantity"),
        EditAddDate => ("+ date", "+ a date"),
        PickNewMeasure => ("Nouvelle mesure…", "New measure…"),
        PickNewMeasureTip => ("Faire de la sélection une nouvelle mesure, la sélection pour citation", "Make the selection a new measure, quoting it"),
        PickCreateMeasure => ("Créer la mesure", "Create the measure"),
        CmdDossierFromFolder => ("Nouveau dossier à partir d’un dossier de documents…", "New dossier from a folder of documents…"),
        CmdDossierFromFolderTip => ("Une source par document, une partie prenante par sous-dossier, des mesures proposées à partir d’un document\u{a0}: à vérifier avant de créer", "One source per document, one stakeholder per sub-folder, measures proposed from one document: to check before creating"),
        CmdUpdateDossier => ("Mettre à jour le dossier…", "Update the dossier…"),
        CmdUpdateDossierTip => ("Passer à une nouvelle version du dossier\u{a0}: les cellules des mesures modifiées sont marquées «\u{a0}à revoir\u{a0}», rien n’est perdu", "Move to a new version of the dossier: cells of changed measures are flagged « to revisit », nothing is lost"),
        TaskDraft => ("Lecture des documents de", "Reading the documents of"),
        TaskUpdate => ("Mise à jour à partir de", "Updating from"),
        DraftTitle => ("Nouveau dossier\u{a0}: propositions", "New dossier: proposals"),
        DraftIntro => ("Vérifiez chaque proposition\u{a0}: décochez ce qui ne convient pas, corrigez les intitulés, organisations et dates. Rien n’est créé avant «\u{a0}Créer la session\u{a0}».", "Check each proposal: untick what does not fit, correct titles, organisations and dates. Nothing is created before « Create the session »."),
        DraftMeasuresFrom => ("Proposer les mesures à partir de\u{a0}:", "Propose the measures from:"),
        DraftNoMeasures => ("(aucun document\u{a0}: mesures à ajouter ensuite)", "(no document: measures to add later)"),
        DraftNoStakeholder => ("(aucune\u{a0}: un sous-dossier par partie prenante)", "(none: one sub-folder per stakeholder)"),
        DraftNoMeasure => ("(aucune mesure proposée)", "(no measure proposed)"),
        DraftCreate => ("Créer la session", "Create the session"),
        Heatmap => ("Carte des positions", "Heatmap"),
        HeatByPillar => ("Par pilier", "By pillar"),
        HeatByMeasure => ("Par mesure", "By measure"),
        HeatOverall => ("Ensemble", "Overall"),
        HeatShowAll => ("Tout afficher", "Show all"),
        HeatBoxTip => ("Cliquer pour ne montrer dans la grille que cette partie prenante et ce pilier\u{a0}; cliquer à nouveau pour tout afficher", "Click to show only this stakeholder and this pillar in the grid; click again to show everything"),
        CmdToggleHeatmap => ("Carte des positions", "Heatmap"),
        CmdToggleHeatmapTip => ("Montrer au-dessus de la grille la part de chaque position par partie prenante et par pilier\u{a0}; un clic filtre la grille", "Show above the grid the share of each stance per stakeholder and pillar; a click filters the grid"),
        Suggestions => same("Suggestions"),
        MayAnswer => ("Demande sans réponse\u{a0}; pourrait concerner\u{a0}:", "Unanswered demand; may speak to:"),
        MayAnswerTip => ("Aucune mesure n’est liée à cette proposition et aucune cellule ne la cite\u{a0}: voici les mesures dont elle partage le plus de mots. Un clic ouvre la cellule.", "No measure is linked to this proposal and no cell cites it: these are the measures it shares the most words with. A click opens the cell."),
        SuggestionsTip => ("Positions et passages des documents de la partie prenante qui partagent le plus de mots avec la mesure (racines des mots, sans accents ni mots outils)\u{a0}; rien n’est lié sans votre clic", "Positions and passages of the stakeholder's documents that share the most words with the measure (word stems, accents and function words ignored); nothing is linked without your click"),
        SuggestedPassage => ("Passage de", "Passage of"),
        SuggestionScore => same("Score (BM25)"),
        SuggestionWords => ("Mots communs avec la mesure\u{a0}:", "Words shared with the measure:"),
        SuggestionLink => ("Lier comme preuve", "Link as evidence"),
        SuggestionLinkTip => ("Ajouter cette position aux preuves de la cellule (Ctrl+Z pour annuler)", "Add this position to the cell's evidence (Ctrl+Z to undo)"),
        SuggestionOpen => ("Ouvrir dans le document…", "Open in the document…"),
        SuggestionOpenTip => ("Lire le passage dans son document, pour en citer les mots justes", "Read the passage in its document, to quote the right words"),
        SuggestionDismiss => ("Écarter", "Dismiss"),
        SuggestionDismissTip => ("Ne plus proposer cette suggestion pour cette cellule (gardé dans la session\u{a0}; Ctrl+Z pour annuler)", "Do not suggest this for this cell again (kept in the session; Ctrl+Z to undo)"),
        DraftKeep => ("Garder", "Keep"),
        DraftLookAlikes => ("\u{a0}: même titre et même date, deux fois le même document\u{a0}? Décochez-en un ou changez son titre pour créer la session.", ": same title and date, the same document twice? Untick one or change its title to create the session."),
        DraftFailed => ("Aucun dossier n’a pu être proposé à partir de ce dossier de documents.", "No dossier could be drafted from this folder of documents."),
        DraftInvalid => ("Le dossier proposé ne se valide pas tel que corrigé\u{a0}:", "The drafted dossier does not validate as corrected:"),
        UpdateFailed => ("La nouvelle version du dossier n’a pas pu être lue\u{a0}; la session n’a pas changé.", "The new version of the dossier could not be read; the session has not changed."),
        Updated => ("Dossier mis à jour\u{a0}:", "Dossier updated:"),
        Syntheses => ("Synthèses", "Syntheses"),
        SynthesisMeasure => ("Synthèse de la mesure (ce que les positions disent ensemble)", "Synthesis of the measure (what the positions add up to)"),
        SynthesisStakeholder => ("Synthèse de", "Synthesis of"),
        SynthesisDossier => ("Synthèse du dossier", "Synthesis of the dossier"),
        SynthesisHint => ("en tête de la section du rapport\u{a0}; vide, pas de section vide", "at the head of the report's section; empty, no empty heading"),
        OnlyFrictions => ("Points de friction", "Points of friction"),
        OnlyFrictionsTip => ("Seulement les mesures où une partie prenante affichée voit un écart quand une autre approuve, en tout ou en partie", "Only the measures where a stakeholder shown sees a gap while another approves, wholly or in part"),
        PickHint => ("Sélectionnez un passage pour en faire une position ou une citation de mesure.", "Select a passage to make it a position or a measure's citation."),
        PickSelected => ("Sélection\u{a0}:", "Selection:"),
        PickNewPosition => ("Nouvelle position…", "New position…"),
        PickNewPositionTip => ("Faire de la sélection une position d’une partie prenante, citation exacte", "Make the selection a stakeholder's position, quoted exactly"),
        PickCite => ("Citer pour la mesure…", "Cite for the measure…"),
        PickCiteTip => ("Ajouter la sélection aux citations d’une mesure", "Add the selection to a measure's citations"),
        PickStakeholder => ("Partie prenante", "Stakeholder"),
        PickKind => ("Nature", "Kind"),
        PickTitle => ("Intitulé", "Title"),
        PickTitleHint => ("ce que dit la position, en quelques mots", "what the position says, in a few words"),
        PickMeasures => ("Mesures visées", "Measures it speaks to"),
        PickAddMeasure => ("Ajouter une mesure…", "Add a measure…"),
        PickMeasure => ("Mesure", "Measure"),
        PickCreate => ("Créer la position", "Create the position"),
        PickAdd => ("Ajouter la citation", "Add the citation"),
        PickMade => ("Position créée\u{a0}:", "Position created:"),
        PickLink => ("Lier comme preuve de la cellule", "Link as evidence of the cell"),
        CmdCompareWith => ("Comparer avec la session d’un autre analyste…", "Compare with another analyst’s session…"),
        CmdCompareWithTip => ("Ouvrir à côté, en lecture seule, la session d’un autre analyste sur le même dossier\u{a0}: chaque cellule dit si vous êtes d’accord", "Open another analyst’s session of the same dossier beside this one, read only: each cell says whether you agree"),
        CmdStopComparing => ("Fermer la comparaison", "Stop comparing"),
        CmdStopComparingTip => ("Fermer les sessions ouvertes pour comparer (la vôtre reste telle quelle)", "Close the sessions opened to compare (yours stays as it is)"),
        CmdNextDisagreement => ("Désaccord suivant", "Next disagreement"),
        CmdPrevDisagreement => ("Désaccord précédent", "Previous disagreement"),
        CmdDisagreementTip => ("Aller à la cellule suivante (ou précédente) où les analystes donnent des positions différentes", "Go to the next (or previous) cell where the analysts give different stances"),
        CmdNextConflict => ("Conflit suivant", "Next conflict"),
        CmdPrevConflict => ("Conflit précédent", "Previous conflict"),
        CmdConflictTip => ("Aller à la cellule suivante (ou précédente) qu’une fusion a laissée en conflit", "Go to the next (or previous) cell a merge left in conflict"),
        TaskCompare => ("Lecture pour comparer\u{a0}:", "Reading to compare:"),
        CompareFailed => ("La session à comparer n’a pas pu être ouverte\u{a0}; la vôtre n’a pas changé.", "The session to compare could not be opened; yours has not changed."),
        CompareSameFile => ("C’est le fichier ouvert\u{a0}: choisissez la session d’un autre analyste.", "That is the open file: choose another analyst’s session."),
        CompareAlready => ("Cette session est déjà ouverte pour comparer.", "That session is already open to compare."),
        ComparingWith => ("Comparaison avec", "Comparing with"),
        NotComparing => ("Aucune session ouverte pour comparer (Édition → Comparer avec…).", "No session open to compare (Edit → Compare with…)."),
        NoDisagreement => ("Aucun désaccord parmi les cellules affichées.", "No disagreement among the cells shown."),
        NoConflict => ("Aucun conflit parmi les cellules affichées.", "No conflict among the cells shown."),
        DisagreementAt => ("Désaccord", "Disagreement"),
        ConflictAt => ("Conflit", "Conflict"),
        ComparisonTitle => ("Comparaison des analystes", "Comparing analysts"),
        AgreementByStakeholder => ("Accord par partie prenante et par pilier", "Agreement by stakeholder and by pillar"),
        YourVersion => ("Vous", "You"),
        Version => same("Version"),
        ConflictIntro => ("Conflit de fusion\u{a0}: gardez une version, ou corrigez la cellule dans le panneau de détail puis marquez-la résolue.", "Merge conflict: keep one version, or correct the cell in the detail panel and mark it settled."),
        MarkSettled => ("Marquer comme résolu", "Mark as settled"),
        MarkSettledTip => ("Garder la cellule telle qu’elle est maintenant et clore le conflit (annulable)", "Keep the cell as it is now and close the conflict (undoable)"),
        KeepVersion => ("Garder cette version", "Keep this version"),
        KeepVersionTip => ("Mettre cette version dans votre cellule, avec son auteur et sa date (annulable)", "Put this version in your cell, with its author and date (undoable)"),
        NoNote => ("(pas de note)", "(no note)"),
        ObservedAgreement => ("accord observé", "observed agreement"),
        Weighted => ("pondéré", "weighted"),
        Scope => ("Périmètre", "Scope"),
        Compared => ("Comparées", "Compared"),
        Overall => ("Ensemble", "Overall"),
        ExportAgreement => ("Accord entre analystes (sessions comparées)", "Agreement between analysts (sessions compared)"),
        ExportAgreementTip => ("Ajouter au rapport les chiffres de l’accord et la liste des désaccords avec les sessions ouvertes pour comparer", "Add the agreement figures and the list of disagreements with the sessions opened to compare"),
        DossierConflicts => ("Conflits du dossier", "Conflicts in the dossier"),
        ItemRemoved => ("(retiré)", "(removed)"),
        KeepItemTip => ("Garder cette version de l’élément dans le dossier et clore le conflit (annulable)", "Keep this version of the item in the dossier and close the conflict (undoable)"),
        ConflictShort => ("conflit", "conflict"),
        ConflictTip => ("Une fusion a laissé cette cellule en conflit\u{a0}: voir le panneau de comparaison", "A merge left this cell in conflict: see the comparison panel"),
        DisagreeShort => ("désaccord", "disagreement"),
        DisagreeTip => ("Les analystes donnent des positions différentes\u{a0}: voir le panneau de comparaison", "The analysts give different stances: see the comparison panel"),
    }
}

/// "45 cellules comparées sur 600".
#[must_use]
pub fn compared_cells(lang: Lang, compared: usize, cells: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{compared} {} sur {cells}",
            crate::i18n::plural(lang, compared, "cellule comparée", "cellules comparées")
        ),
        Lang::En => format!(
            "{compared} {} of {cells}",
            crate::i18n::plural(lang, compared, "cell compared", "cells compared")
        ),
    }
}

/// "7 désaccords".
#[must_use]
pub fn disagreement_count(lang: Lang, n: usize) -> String {
    let word = match lang {
        Lang::Fr => crate::i18n::plural(lang, n, "désaccord", "désaccords"),
        Lang::En => crate::i18n::plural(lang, n, "disagreement", "disagreements"),
    };
    format!("{n} {word}")
}

/// "3 conflits de fusion".
#[must_use]
pub fn conflict_count(lang: Lang, n: usize) -> String {
    let word = match lang {
        Lang::Fr => crate::i18n::plural(lang, n, "conflit de fusion", "conflits de fusion"),
        Lang::En => crate::i18n::plural(lang, n, "merge conflict", "merge conflicts"),
    };
    format!("{n} {word}")
}

/// Why a session cannot be compared with the open one: it is on another dossier.
#[must_use]
pub fn other_dossier(lang: Lang, file: &str, theirs: &str, ours: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{file} porte sur le dossier «\u{a0}{theirs}\u{a0}», la session ouverte sur «\u{a0}{ours}\u{a0}»\u{a0}: on ne compare que des sessions du même dossier."
        ),
        Lang::En => format!(
            "{file} is on the dossier \"{theirs}\", the open session on \"{ours}\": only sessions of the same dossier can be compared."
        ),
    }
}

/// "depuis v2.ron : 30 cellules inchangées, 4 à revoir, 3 orphelines, 6 nouvelles".
#[must_use]
pub fn update_counts(
    lang: Lang,
    from: &str,
    unchanged: usize,
    to_review: usize,
    orphaned: usize,
    new_cells: usize,
) -> String {
    match lang {
        Lang::Fr => format!(
            "depuis {from}\u{a0}: {unchanged} {} inchangée{}, {to_review} à revoir, {orphaned} orpheline{}, {new_cells} nouvelle{} (à enregistrer).",
            crate::i18n::plural(lang, unchanged, "cellule", "cellules"),
            if unchanged > 1 { "s" } else { "" },
            if orphaned > 1 { "s" } else { "" },
            if new_cells > 1 { "s" } else { "" },
        ),
        Lang::En => format!(
            "from {from}: {unchanged} {} unchanged, {to_review} to revisit, {orphaned} orphaned, {new_cells} new (not saved yet).",
            crate::i18n::plural(lang, unchanged, "cell", "cells"),
        ),
    }
}

/// The editor's question before removing an item `used` assessed cells name.
#[must_use]
pub fn remove_question(lang: Lang, used: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{used} {} cet élément\u{a0}: {} gardée{} comme orpheline{}, rien n’est perdu. Le retirer\u{a0}?",
            crate::i18n::plural(
                lang,
                used,
                "cellule appréciée cite",
                "cellules appréciées citent"
            ),
            crate::i18n::plural(lang, used, "elle sera", "elles seront"),
            if used > 1 { "s" } else { "" },
            if used > 1 { "s" } else { "" },
        ),
        Lang::En => format!(
            "{used} assessed {} this item: {} kept as {}, nothing is lost. Remove it?",
            crate::i18n::plural(lang, used, "cell names", "cells name"),
            crate::i18n::plural(lang, used, "it will be", "they will be"),
            crate::i18n::plural(lang, used, "an orphan", "orphans"),
        ),
    }
}

/// Why the dossier does not take an edit, in the user's language.
#[must_use]
pub fn action_error(lang: Lang, e: &crate::model::ActionError) -> String {
    use crate::model::ActionError as E;
    match (e, lang) {
        (E::BlankId, Lang::Fr) => "l’identifiant est vide".to_owned(),
        (E::DuplicateItem(id), Lang::Fr) => format!("{id} existe déjà\u{a0}: choisissez un autre identifiant"),
        (E::BlankTitle, Lang::Fr) => "l’intitulé est vide".to_owned(),
        (E::UnknownPillar(_), Lang::Fr) => "choisissez un pilier (ajoutez-en un dans l’onglet Piliers)".to_owned(),
        (E::UnknownStakeholder(_), Lang::Fr) => "choisissez une partie prenante (ajoutez-en une dans l’onglet Parties prenantes)".to_owned(),
        (E::UnknownSource(_), Lang::Fr) => "choisissez la source citée (ajoutez-la dans l’onglet Sources)".to_owned(),
        (E::UnknownMeasure(m), Lang::Fr) => format!("la mesure « {m} » n’est pas dans le dossier"),
        (E::NoCitation, Lang::Fr) => "une mesure cite au moins un extrait de sa source".to_owned(),
        (E::EmptyExcerpt, Lang::Fr) => "l’extrait est vide\u{a0}: recopiez les mots de la source, ou choisissez-les dans le lecteur".to_owned(),
        (E::NotANumber(l), Lang::Fr) => format!("la valeur du chiffre « {l} » n’est pas un nombre"),
        (E::StillUsed(_, why), Lang::Fr) => {
            use crate::model::Usage as U;
            let (n, one, many) = match why {
                U::Measures(n) => (*n, "une mesure en fait partie", "mesures en font partie"),
                U::Positions(n) => (*n, "une position est la sienne", "positions sont les siennes"),
                U::Citations(n) => (*n, "une citation le cite", "citations le citent"),
            };
            let what = if n == 1 { one.to_owned() } else { format!("{n} {many}") };
            format!("impossible de le retirer\u{a0}: {what} (retirez-les ou déplacez-les d’abord)")
        }
        (e, _) => e.to_string(),
    }
}

/// "2 positions proposées en attente" (the status bar's button to their review).
#[must_use]
pub fn waiting_candidates(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{n} {} en attente",
            crate::i18n::plural(lang, n, "position proposée", "positions proposées")
        ),
        Lang::En => format!(
            "{n} proposed position{} waiting",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// "2 positions proposées ; 3 extraits déjà dans la session ; 1 laissé de côté" (the status bar
/// after an import); a part that counts nothing is left out.
#[must_use]
pub fn imported(lang: Lang, found: usize, known: usize, left_out: usize) -> String {
    let s = |n: usize| if n > 1 { "s" } else { "" };
    let mut parts = vec![match lang {
        Lang::Fr => format!(
            "{found} {} proposée{}",
            crate::i18n::plural(lang, found, "position", "positions"),
            s(found)
        ),
        Lang::En => format!(
            "{found} position{} proposed",
            if found == 1 { "" } else { "s" }
        ),
    }];
    if known > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{known} extrait{} déjà dans la session", s(known)),
            Lang::En => format!(
                "{known} excerpt{} already in the session",
                if known == 1 { "" } else { "s" }
            ),
        });
    }
    if left_out > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{left_out} laissé{} de côté", s(left_out)),
            Lang::En => format!("{left_out} left out"),
        });
    }
    parts.join(lang.pick("\u{a0}; ", "; "))
}

/// "12 citations sur 14 repérées dans le document" (the reader's toolbar).
#[must_use]
pub fn quotes_marked(lang: Lang, found: usize, of: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{found} {} sur {of} repérée{} dans le document",
            crate::i18n::plural(lang, of, "citation", "citations"),
            if found > 1 { "s" } else { "" }
        ),
        Lang::En => format!("{found} of {of} quotes found in the document"),
    }
}

/// "Dernière modification : 24 novembre 2026, 10:05 CET (Marie)", in the user's time zone;
/// without a name when the cell has no author (never an empty name), without a time when it has
/// none.
#[must_use]
pub fn last_edit(lang: Lang, author: &str, modified: &str) -> String {
    let when = crate::i18n::local_stamp(lang, modified);
    let who = author.trim();
    let what = match (when.is_empty(), who.is_empty()) {
        (false, false) => format!("{when} ({who})"),
        (false, true) => when,
        (true, _) => who.to_owned(),
    };
    format!(
        "{}{} {what}",
        tr(lang, Text::LastEdit),
        lang.pick("\u{a0}:", ":")
    )
}

/// The text in `lang`.
#[must_use]
pub fn tr(lang: Lang, text: Text) -> &'static str {
    text.get(lang)
}

/// `one` or `many` for a count `n`, by the language's rule ([`crate::i18n::plural`]).
#[must_use]
pub fn plural(lang: Lang, n: usize, one: Text, many: Text) -> &'static str {
    crate::i18n::plural(lang, n, tr(lang, one), tr(lang, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_without_an_author_shows_no_empty_name() {
        let line = last_edit(Lang::Fr, "", "hier");
        assert_eq!(line, "Dernière modification\u{a0}: (date illisible) hier");
        assert_eq!(last_edit(Lang::En, "Marie", ""), "Last edit: Marie");
        assert!(last_edit(Lang::En, "Marie", "2026-11-24T09:05:00Z").ends_with("(Marie)"));
    }

    #[test]
    fn a_refused_removal_says_why_in_french() {
        use crate::model::{ActionError, ItemId, Usage};
        let e = ActionError::StillUsed(ItemId::Pillar("p1".into()), Usage::Measures(3));
        assert_eq!(
            action_error(Lang::Fr, &e),
            "impossible de le retirer\u{a0}: 3 mesures en font partie (retirez-les ou déplacez-les d’abord)"
        );
        assert_eq!(
            action_error(Lang::En, &e),
            "pillar \"p1\" cannot be removed: 3 measure(s) belong to it"
        );
    }

    #[test]
    fn counts_follow_each_languages_plural_rule() {
        let p = |lang, n| plural(lang, n, Text::RowShown, Text::RowsShown);
        assert_eq!(p(Lang::Fr, 0), "mesure affichée");
        assert_eq!(p(Lang::Fr, 1), "mesure affichée");
        assert_eq!(p(Lang::Fr, 2), "mesures affichées");
        assert_eq!(p(Lang::En, 0), "measures shown");
        assert_eq!(p(Lang::En, 1), "measure shown");
    }
}
