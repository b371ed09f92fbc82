//! The docspace-sdk components' words (the file picker, a frame's retry button) from the app's
//! translations: the sdk speaks English unless given [`docspace_sdk::texts::Texts`], and knows
//! nothing of the app's i18n. Its templates' `{n}`-style slots are kept in `locales/*.json`
//! (the `locales_agree` test checks them like the app's own `{{ n }}`).

use docspace_sdk::texts::{Texts, provide_texts};
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::i18n::{Locale, t_string, use_i18n};

/// Provides the sdk's texts in the app's language (following a change of language) to
/// everything the caller renders.
pub(super) fn provide() {
    let i18n = use_i18n();
    provide_texts(Signal::derive(move || texts(i18n)));
}

fn texts(i18n: I18nContext<Locale>) -> Texts {
    Texts {
        try_again: t_string!(i18n, common.try_again).into(),
        picker_title: t_string!(i18n, sdk.picker_title).into(),
        picker_accept: t_string!(i18n, sdk.picker_accept).into(),
        picker_cancel: t_string!(i18n, common.cancel).into(),
        search_label: t_string!(i18n, sdk.search_label).into(),
        search_placeholder: t_string!(i18n, sdk.search_placeholder).into(),
        file_type: t_string!(i18n, sdk.file_type).into(),
        type_all: t_string!(i18n, rooms.all_types).into(),
        type_documents: t_string!(i18n, sdk.type_documents).into(),
        type_spreadsheets: t_string!(i18n, sdk.type_spreadsheets).into(),
        type_presentations: t_string!(i18n, sdk.type_presentations).into(),
        type_pdf: t_string!(i18n, sdk.type_pdf).into(),
        type_images: t_string!(i18n, sdk.type_images).into(),
        location: t_string!(i18n, sdk.location).into(),
        rooms: t_string!(i18n, nav.rooms).into(),
        this_folder: t_string!(i18n, sdk.this_folder).into(),
        room: t_string!(i18n, catalog.type_name.unknown).into(),
        files_count: t_string!(i18n, sdk.files_count).into(),
        contents_of: t_string!(i18n, sdk.contents_of).into(),
        nothing_here: t_string!(i18n, sdk.nothing_here).into(),
        nothing_matches: t_string!(i18n, sdk.nothing_matches).into(),
        loading: t_string!(i18n, sdk.loading).into(),
        load_more: t_string!(i18n, sdk.load_more).into(),
        selected_list: t_string!(i18n, sdk.selected_list).into(),
        into: t_string!(i18n, sdk.into).into(),
        selected_count: t_string!(i18n, sdk.selected_count).into(),
        selected_of_max: t_string!(i18n, sdk.selected_of_max).into(),
        select: t_string!(i18n, sdk.select).into(),
        deselect: t_string!(i18n, sdk.deselect).into(),
        cannot_select: t_string!(i18n, sdk.cannot_select).into(),
        items_in: t_string!(i18n, sdk.items_in).into(),
        announce_selected: t_string!(i18n, sdk.announce_selected).into(),
        announce_deselected: t_string!(i18n, sdk.announce_deselected).into(),
        announce_limit: t_string!(i18n, sdk.announce_limit).into(),
        missing_preselected: t_string!(i18n, sdk.missing_preselected).into(),
    }
}

#[cfg(test)]
mod tests {
    use docspace_sdk::texts::Texts;

    /// The English file says what the sdk says by default, so English readers see no change.
    #[test]
    fn english_matches_the_sdks_defaults() {
        let en: serde_json::Value =
            serde_json::from_str(include_str!("../../locales/en.json")).expect("en.json");
        let d = Texts::default();
        for (key, default) in [
            ("picker_title", &d.picker_title),
            ("picker_accept", &d.picker_accept),
            ("search_label", &d.search_label),
            ("files_count", &d.files_count),
            ("selected_count", &d.selected_count),
            ("selected_of_max", &d.selected_of_max),
            ("announce_limit", &d.announce_limit),
            ("missing_preselected", &d.missing_preselected),
        ] {
            assert_eq!(en["sdk"][key].as_str(), Some(default.as_ref()), "sdk.{key}");
        }
    }
}
