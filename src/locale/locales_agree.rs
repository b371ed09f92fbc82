//! Every locale has every key English has, with the same placeholders: a missing translation
//! would otherwise show English silently (leptos_i18n only warns at build time).

use std::collections::BTreeMap;

use serde_json::Value;

const LOCALES: [(&str, &str); 5] = [
    ("en", include_str!("../../locales/en.json")),
    ("de", include_str!("../../locales/de.json")),
    ("fr", include_str!("../../locales/fr.json")),
    ("es", include_str!("../../locales/es.json")),
    ("ru", include_str!("../../locales/ru.json")),
];

/// Each key's dotted path and the placeholders (`{{ name }}`, `<tag>`) its text uses.
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        Value::String(text) => {
            out.insert(prefix.to_string(), placeholders(text));
        }
        other => panic!("{prefix}: a translation is text, not {other}"),
    }
}

fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        found.push(rest[start + 2..start + len].trim().to_string());
        rest = &rest[start + len + 2..];
    }
    // The sdk's own templates (`{n}`, `sdk_texts.rs`): single braces.
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        found.push(format!("sdk:{}", &rest[start + 1..start + len]));
        rest = rest[start + len + 1..].to_string();
    }
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        found.push(rest[start..start + len + 1].to_string());
        rest = &rest[start + len + 1..];
    }
    found.sort();
    found
}

fn keys(name: &str, json: &str) -> BTreeMap<String, Vec<String>> {
    let value: Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("locales/{name}.json: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &value, &mut out);
    out
}

#[test]
fn every_locale_has_every_english_key_with_the_same_placeholders() {
    let english = keys("en", LOCALES[0].1);
    assert!(english.len() > 20, "English has the app's keys");
    for (name, json) in &LOCALES[1..] {
        let other = keys(name, json);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "locales/{name}.json lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "locales/{name}.json has keys English lacks: {extra:?}"
        );
        for (key, vars) in &english {
            assert_eq!(
                &other[key], vars,
                "locales/{name}.json: {key} uses other placeholders"
            );
        }
    }
}

#[test]
fn no_translation_is_left_empty() {
    for (name, json) in LOCALES {
        for (key, _) in keys(name, json) {
            let value: Value = serde_json::from_str(json).expect("parsed above");
            let text = key
                .split('.')
                .try_fold(&value, |v, part| v.get(part))
                .and_then(Value::as_str);
            assert!(
                text.is_some_and(|t| !t.trim().is_empty()),
                "locales/{name}.json: {key} is empty"
            );
        }
    }
}

#[test]
fn the_placeholder_reader_finds_variables_and_tags() {
    assert_eq!(
        placeholders("Nothing lives at <code>{{ path }}</code>."),
        vec!["</code>", "<code>", "path"]
    );
}

#[test]
fn docspace_cultures_and_the_apps_locales_map_both_ways() {
    use crate::i18n::Locale;
    assert_eq!(super::docspace_culture(Locale::en), "en-US");
    assert_eq!(super::docspace_culture(Locale::de), "de");
    for (locale, _) in super::LANGUAGES {
        let culture = super::docspace_culture(locale);
        assert_eq!(super::locale_of_culture(culture), Some(locale), "{culture}");
    }
    assert_eq!(super::locale_of_culture("de-DE"), Some(Locale::de));
    assert_eq!(super::locale_of_culture("pt-BR"), None);
    assert_eq!(super::locale_of_culture(""), None);
}
