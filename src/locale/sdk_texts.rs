//! The docspace-sdk components' words (the file picker, a diagnosis, the frames' names) from the app's
//! translations: the sdk speaks English unless given [`docspace_sdk::texts::Texts`], and knows
//! nothing of the app's i18n. Its templates' `{n}`-style slots are kept in `locales/*.json`
//! (the `locales_agree` test checks them like the app's own `{{ n }}`).

use docspace_sdk::texts::{
    DiagnosisTexts, ErrorDetails, Explanation, FrameNames, Texts, provide_texts,
};
use leptos::prelude::*;

use crate::i18n::{Locale, td_string, use_i18n};

/// Gives the sdk's components among `children` the app's words, in the app's language (following
/// a change of language). The pages that show such components are wrapped in it
/// (`pages/lazy.rs`).
#[component]
pub fn SdkTexts(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    provide_texts(Signal::derive(move || texts(i18n.get_locale())));
    children()
}

/// The sdk's texts in `locale`: for the components (through [`SdkTexts`]) and for an
/// [`SdkError`](docspace_sdk::SdkError) explained outside them
/// ([`SdkError::diagnosis_in`](docspace_sdk::SdkError::diagnosis_in)).
pub fn texts(locale: Locale) -> Texts {
    Texts {
        try_again: td_string!(locale, common.try_again).into(),
        picker_title: td_string!(locale, sdk.picker_title).into(),
        picker_accept: td_string!(locale, sdk.picker_accept).into(),
        picker_cancel: td_string!(locale, common.cancel).into(),
        search_label: td_string!(locale, sdk.search_label).into(),
        search_placeholder: td_string!(locale, sdk.search_placeholder).into(),
        file_type: td_string!(locale, sdk.file_type).into(),
        type_all: td_string!(locale, rooms.all_types).into(),
        type_documents: td_string!(locale, sdk.type_documents).into(),
        type_spreadsheets: td_string!(locale, sdk.type_spreadsheets).into(),
        type_presentations: td_string!(locale, sdk.type_presentations).into(),
        type_pdf: td_string!(locale, sdk.type_pdf).into(),
        type_images: td_string!(locale, sdk.type_images).into(),
        location: td_string!(locale, sdk.location).into(),
        rooms: td_string!(locale, nav.rooms).into(),
        this_folder: td_string!(locale, sdk.this_folder).into(),
        room: td_string!(locale, catalog.type_name.unknown).into(),
        files_count: td_string!(locale, sdk.files_count).into(),
        contents_of: td_string!(locale, sdk.contents_of).into(),
        nothing_here: td_string!(locale, sdk.nothing_here).into(),
        nothing_matches: td_string!(locale, sdk.nothing_matches).into(),
        loading: td_string!(locale, sdk.loading).into(),
        load_more: td_string!(locale, sdk.load_more).into(),
        selected_list: td_string!(locale, sdk.selected_list).into(),
        into: td_string!(locale, sdk.into).into(),
        selected_count: td_string!(locale, sdk.selected_count).into(),
        selected_of_max: td_string!(locale, sdk.selected_of_max).into(),
        select: td_string!(locale, sdk.select).into(),
        deselect: td_string!(locale, sdk.deselect).into(),
        cannot_select: td_string!(locale, sdk.cannot_select).into(),
        items_in: td_string!(locale, sdk.items_in).into(),
        announce_selected: td_string!(locale, sdk.announce_selected).into(),
        announce_deselected: td_string!(locale, sdk.announce_deselected).into(),
        announce_limit: td_string!(locale, sdk.announce_limit).into(),
        missing_preselected: td_string!(locale, sdk.missing_preselected).into(),
        diagnosis: diagnosis(locale),
        frames: frames(locale),
    }
}

/// One problem's title, detail and fix, from `sdk.diagnosis.<problem>`.
macro_rules! explained {
    ($locale:ident, $problem:ident) => {
        Explanation {
            title: td_string!($locale, sdk.diagnosis.$problem.title).into(),
            detail: td_string!($locale, sdk.diagnosis.$problem.detail).into(),
            fix: td_string!($locale, sdk.diagnosis.$problem.fix).into(),
        }
    };
}

fn diagnosis(locale: Locale) -> DiagnosisTexts {
    DiagnosisTexts {
        portal_unreachable: explained!(locale, portal_unreachable),
        not_a_portal: explained!(locale, not_a_portal),
        script_unreachable: explained!(locale, script_unreachable),
        no_sdk: explained!(locale, no_sdk),
        load_timeout: explained!(locale, load_timeout),
        csp_origin_missing: explained!(locale, csp_origin_missing),
        no_site: td_string!(locale, sdk.diagnosis.no_site).into(),
        mixed_content: explained!(locale, mixed_content),
        frame_not_ready: explained!(locale, frame_not_ready),
        invalid_portal: explained!(locale, invalid_portal),
        timeout: explained!(locale, timeout),
        login_failed: explained!(locale, login_failed),
        other: explained!(locale, other),
        details: details(locale),
    }
}

/// The detail lines of the problems that share `other`'s title and fix.
fn details(locale: Locale) -> ErrorDetails {
    ErrorDetails {
        no_window: td_string!(locale, sdk.diagnosis.details.no_window).into(),
        mount_failed: td_string!(locale, sdk.diagnosis.details.mount_failed).into(),
        destroyed: td_string!(locale, sdk.diagnosis.details.destroyed).into(),
        wrong_mode: td_string!(locale, sdk.diagnosis.details.wrong_mode).into(),
        frame_failed: td_string!(locale, sdk.diagnosis.details.frame_failed).into(),
        unexpected_reply: td_string!(locale, sdk.diagnosis.details.unexpected_reply).into(),
        invalid_argument: td_string!(locale, sdk.diagnosis.details.invalid_argument).into(),
        app_error: td_string!(locale, sdk.diagnosis.details.app_error).into(),
    }
}

fn frames(locale: Locale) -> FrameNames {
    FrameNames {
        manager: td_string!(locale, sdk.frame.manager).into(),
        editor: td_string!(locale, sdk.frame.editor).into(),
        viewer: td_string!(locale, sdk.frame.viewer).into(),
        room_selector: td_string!(locale, sdk.frame.room_selector).into(),
        file_selector: td_string!(locale, sdk.frame.file_selector).into(),
        system: td_string!(locale, sdk.frame.system).into(),
        public_room: td_string!(locale, sdk.frame.public_room).into(),
    }
}

#[cfg(test)]
mod tests {
    use docspace_sdk::texts::Texts;

    use super::texts;
    use crate::i18n::Locale;

    /// The English file says what the sdk says by default, so English readers see no change.
    #[test]
    fn english_matches_the_sdks_defaults() {
        let d = Texts::default();
        let en = texts(Locale::en);
        assert_eq!(en.diagnosis, d.diagnosis);
        assert_eq!(en.frames, d.frames);
        assert_eq!(
            (
                en.picker_title,
                en.search_label,
                en.files_count,
                en.selected_of_max
            ),
            (
                d.picker_title,
                d.search_label,
                d.files_count,
                d.selected_of_max
            )
        );
        assert_eq!(
            (en.announce_limit, en.missing_preselected),
            (d.announce_limit, d.missing_preselected)
        );
    }

    /// The less common problems' detail lines are worded in every language too, around the
    /// frame's own words.
    #[test]
    fn every_sdk_error_has_a_detail_in_each_language() {
        use docspace_sdk::{Mode, SdkError};
        let errors = [
            SdkError::NoWindow,
            SdkError::MountFailed("boom".into()),
            SdkError::Destroyed,
            SdkError::WrongMode {
                method: "getFiles".into(),
                mode: Mode::Editor,
            },
            SdkError::Frame {
                method: "getFiles".into(),
                message: "boom".into(),
                status: None,
            },
            SdkError::UnexpectedReply {
                method: "getFiles".into(),
                detail: "boom".into(),
            },
            SdkError::InvalidArgument("boom".into()),
            SdkError::App("boom".into()),
        ];
        for e in errors {
            let english = e.diagnosis_in(&texts(Locale::en)).detail;
            assert_eq!(
                english,
                e.diagnosis().detail,
                "en.json is the sdk's English"
            );
            for locale in [Locale::de, Locale::fr, Locale::es, Locale::ru] {
                let detail = e.diagnosis_in(&texts(locale)).detail;
                assert_ne!(detail, english, "{e:?} in {locale:?}");
                assert!(!detail.contains('{'), "{e:?} in {locale:?}: {detail}");
            }
        }
    }

    /// Every language explains a problem with its facts filled in.
    #[test]
    fn a_diagnosis_speaks_each_language() {
        let e = docspace_sdk::SdkError::PortalUnreachable {
            portal: "https://p.example".into(),
            detail: "refused".into(),
        };
        let de = e.diagnosis_in(&texts(Locale::de));
        assert_eq!(de.title, "Das DocSpace-Portal ist nicht erreichbar");
        assert!(de.fix.contains("https://p.example"), "{}", de.fix);
        for locale in [Locale::fr, Locale::es, Locale::ru] {
            let d = e.diagnosis_in(&texts(locale));
            assert_ne!(d.title, e.diagnosis().title, "{locale:?}");
            assert!(d.detail.contains("refused"), "{locale:?}: {}", d.detail);
        }
    }
}
