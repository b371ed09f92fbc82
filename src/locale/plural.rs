//! Which plural form a count takes in the reader's language, by the browser's
//! `Intl.PluralRules` (no plural data in the wasm). Every locale file carries the four forms a
//! counted text may need (`one`, `few`, `many`, `other`); a language that has fewer repeats one.

/// A plural category, as CLDR names them (the ones the app's five languages use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// 1 in English, German, French, Spanish; 1, 21, 31… in Russian.
    One,
    /// 2–4, 22–24… in Russian.
    Few,
    /// 5–20, 25–30… in Russian; 1,000,000 in French and Spanish.
    Many,
    /// Everything else.
    Other,
}

/// The plural form of `n` in language `tag`.
pub fn plural(n: u64, tag: &str) -> Plural {
    match rules::category(n as f64, tag).as_deref() {
        Some("one") => Plural::One,
        Some("few") => Plural::Few,
        Some("many") => Plural::Many,
        Some(_) => Plural::Other,
        // Outside a browser: English's rule.
        None if n == 1 => Plural::One,
        None => Plural::Other,
    }
}

#[cfg(target_arch = "wasm32")]
mod rules {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    pub(super) fn category(n: f64, tag: &str) -> Option<String> {
        let rules = Intl::PluralRules::new(&Array::of1(&tag.into()), &Object::new());
        let select = Reflect::get(&rules, &"select".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        select
            .call1(&rules, &JsValue::from_f64(n))
            .ok()?
            .as_string()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod rules {
    pub(super) fn category(_: f64, _: &str) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_intl_english_rules_apply() {
        assert_eq!(plural(1, "ru"), Plural::One);
        assert_eq!(plural(0, "en"), Plural::Other);
        assert_eq!(plural(5, "en"), Plural::Other);
    }
}
