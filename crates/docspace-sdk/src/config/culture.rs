//! Which DocSpace culture a frame is given for a language.

/// The DocSpace culture name (a frame's `locale`) for a language given as a BCP 47 tag or its
/// language part (`de`, `de-DE`, `ru_RU`), or `None` for a language this crate does not map.
///
/// DocSpace names most of its cultures by language alone (`de`, `fr`, `es`, `ru`); English
/// is `en-US`, DocSpace's default culture (`common/ASC.Core.Common/Context/Impl/
/// CoreConfiguration.cs`). An app that offers its own language choice and starts frames in it
/// should go through this one function, so that the frames it creates and the ones a host page
/// bootstraps (`Bootstrap` with the same config) agree.
///
/// ```
/// use docspace_sdk::culture_for_language;
/// assert_eq!(culture_for_language("en"), Some("en-US"));
/// assert_eq!(culture_for_language("de-AT"), Some("de"));
/// assert_eq!(culture_for_language("xx"), None);
/// ```
pub fn culture_for_language(language: &str) -> Option<&'static str> {
    let lang = language.split(['-', '_']).next()?;
    CULTURES
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(lang))
        .map(|(_, culture)| *culture)
}

/// Language and the DocSpace culture it maps to.
const CULTURES: [(&str, &str); 5] = [
    ("en", "en-US"),
    ("de", "de"),
    ("fr", "fr"),
    ("es", "es"),
    ("ru", "ru"),
];

#[cfg(test)]
mod tests {
    use super::culture_for_language;

    #[test]
    fn languages_map_to_docspace_cultures() {
        assert_eq!(culture_for_language("en"), Some("en-US"));
        assert_eq!(culture_for_language("EN-gb"), Some("en-US"));
        for l in ["de", "fr", "es", "ru"] {
            assert_eq!(culture_for_language(l), Some(l));
        }
        assert_eq!(culture_for_language("ru_RU"), Some("ru"));
        assert_eq!(culture_for_language("pt-BR"), None);
        assert_eq!(culture_for_language(""), None);
        assert_eq!(culture_for_language("<x>"), None);
    }
}
