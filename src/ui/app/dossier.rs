//! A new dossier drafted from a folder of documents, reviewed before anything is created; and
//! the session carried over to a new version of its dossier (« Mettre à jour le dossier… »).
//! Both read files on the task thread, with the progress bar and Cancel.

use super::App;
use super::picker::Purpose;
use super::tasks::{Job, Outcome};
use crate::model::{Update, now_rfc3339};
use crate::persist::LoadError;
use crate::sources::draft::{Draft, DraftError, DraftOptions};
use crate::ui::Intent;
use crate::ui::draft::{DraftReview, ReviewAnswer};
use crate::ui::i18n::Text;
use crate::ui::notice::Notice;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl App {
    /// Draft a dossier from the documents of `folder`, in the background.
    pub(super) fn draft_from(&mut self, folder: PathBuf, measures_from: Option<String>) {
        let options = DraftOptions {
            measures_from: measures_from.as_ref().map(PathBuf::from),
            ..DraftOptions::default()
        };
        let job = Job::Draft {
            folder: folder.clone(),
            measures_from,
        };
        self.start_task(job, move |progress| {
            Outcome::Drafted(crate::sources::draft::draft(&folder, &options, progress))
        });
    }

    /// The draft is in: review it (or say why there is none).
    pub(super) fn drafted(
        &mut self,
        folder: PathBuf,
        measures_from: Option<String>,
        result: Result<Draft, DraftError>,
    ) {
        match result {
            Ok(draft) => self.draft_review = Some(DraftReview::new(folder, draft, measures_from)),
            Err(e) => self.show_error(Text::DraftFailed, e.to_string()),
        }
    }

    /// Draw the review of a draft, and act on the user's decision.
    pub(super) fn review_draft(&mut self, ctx: &egui::Context) {
        let Some(review) = &mut self.draft_review else {
            return;
        };
        match crate::ui::draft::show(ctx, review, self.prefs.lang) {
            ReviewAnswer::Keep => {}
            ReviewAnswer::Cancel => self.draft_review = None,
            ReviewAnswer::Redraft(from) => {
                let folder = review.folder.clone();
                self.draft_review = None;
                self.draft_from(folder, from);
            }
            ReviewAnswer::Create(dossier) => {
                let problems = dossier.validate();
                if !problems.is_empty() {
                    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
                    self.show_error(Text::DraftInvalid, list.join("\n"));
                    return;
                }
                let folder = review.folder.clone();
                self.draft_review = None;
                // Its documents are in the folder it was drafted from.
                self.prefs
                    .sources_folders
                    .insert(dossier.id.clone(), folder);
                self.request(Intent::NewOn(dossier));
            }
        }
    }

    /// Carry the session over to the dossier of `path`, in the background.
    pub(super) fn update_from(&mut self, path: &Path) {
        let snapshot = Arc::clone(&self.session);
        let file = path.to_owned();
        self.start_task(
            Job::Update {
                path: path.to_owned(),
            },
            move |_| {
                Outcome::Updated(crate::persist::load(&file).map(|loaded| {
                    Box::new(crate::model::update_session(
                        &snapshot,
                        &loaded.session.dossier,
                        &now_rfc3339(),
                    ))
                }))
            },
        );
    }

    /// The session is carried over: it replaces the one on screen (same file, unsaved: the
    /// previous version stays on disk, as `.bak` once saved), and the status bar counts.
    pub(super) fn updated(&mut self, path: &Path, result: Result<Box<Update>, LoadError>) {
        let update = match result {
            Ok(update) => update,
            Err(e) => {
                let message = e.to_string();
                self.show_error(Text::UpdateFailed, message);
                return;
            }
        };
        let file = self.path.clone();
        let counts = update.counts;
        self.replace(update.session, file);
        self.history.mark_unsaved();
        self.notice = Notice::text(Text::Updated).raw(crate::ui::i18n::update_counts(
            self.lang(),
            &path.display().to_string(),
            counts.unchanged,
            counts.to_review,
            counts.orphaned,
            counts.new_cells,
        ));
    }

    /// Ask which file holds the new version of the dossier.
    pub(super) fn pick_update(&mut self) {
        self.pick_file(Purpose::UpdateFrom);
    }

    /// Ask for the folder of documents to draft a dossier from.
    pub(super) fn pick_draft_folder(&mut self) {
        self.pick_folder(Purpose::DraftFolder, self.folder());
    }
}
