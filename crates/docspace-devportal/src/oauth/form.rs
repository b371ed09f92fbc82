//! Form fields of the OAuth endpoints: `application/x-www-form-urlencoded` (RFC 6749 §4.1.3) or,
//! for the consent post, `multipart/form-data` (text fields only).

/// Every `name=value` pair of an urlencoded body or query, in order.
pub fn parse(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// Fields of a body of content type `ct`: multipart text parts, else urlencoded.
pub fn parse_any(ct: &str, body: &[u8]) -> Vec<(String, String)> {
    let boundary = ct
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_string());
    match boundary {
        Some(b)
            if ct
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data") =>
        {
            multipart(&String::from_utf8_lossy(body), &b)
        }
        _ => parse(body),
    }
}

fn multipart(body: &str, boundary: &str) -> Vec<(String, String)> {
    let delim = format!("--{boundary}");
    body.split(delim.as_str())
        .filter_map(|part| {
            let part = part.strip_prefix("\r\n")?;
            let (head, value) = part.split_once("\r\n\r\n")?;
            let name = head
                .split("\r\n")
                .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?
                .split(';')
                .map(str::trim)
                .find_map(|p| p.strip_prefix("name="))?
                .trim_matches('"')
                .to_string();
            Some((
                name,
                value.strip_suffix("\r\n").unwrap_or(value).to_string(),
            ))
        })
        .collect()
}

/// The single non-empty value of `name`; a parameter sent twice counts as missing (RFC 6749 §3.1:
/// "Request and response parameters MUST NOT be included more than once").
pub fn one(fields: &[(String, String)], name: &str) -> Option<String> {
    let mut it = fields.iter().filter(|(k, _)| k == name);
    match (it.next(), it.next()) {
        (Some((_, v)), None) if !v.is_empty() => Some(v.clone()),
        _ => None,
    }
}

/// Every `scope` value, split on spaces, without repeats.
pub fn scopes(fields: &[(String, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "scope") {
        for s in v.split_whitespace() {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_and_urlencoded_fields_read_alike() {
        let body = "--xx\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nabc\r\n\
                    --xx\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nfiles:read\r\n\
                    --xx\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\nrooms:read\r\n--xx--\r\n";
        let f = parse_any("multipart/form-data; boundary=xx", body.as_bytes());
        assert_eq!(one(&f, "client_id").as_deref(), Some("abc"));
        assert_eq!(scopes(&f), vec!["files:read", "rooms:read"]);
        let f = parse_any(
            "application/x-www-form-urlencoded",
            b"scope=a+b&client_id=x&client_id=y",
        );
        assert_eq!(scopes(&f), vec!["a", "b"]);
        assert_eq!(one(&f, "client_id"), None);
    }
}
