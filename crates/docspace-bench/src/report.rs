//! The report: sections of tables (rendered as Markdown), the goals each figure is compared
//! with, and the raw figures as JSON.

use serde::Serialize;

/// One table of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// What was measured and how, in a sentence or two.
    pub note: String,
    /// Column names.
    pub headers: Vec<String>,
    /// Rows of cells, as shown.
    pub rows: Vec<Vec<String>>,
    /// The figures behind the table, for tools.
    pub data: serde_json::Value,
}

impl Section {
    /// A section with `headers` and no rows yet.
    pub fn new(title: &str, note: &str, headers: &[&str]) -> Section {
        Section {
            title: title.to_string(),
            note: note.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            data: serde_json::Value::Null,
        }
    }

    /// Adds a row.
    pub fn row<S: ToString>(&mut self, cells: &[S]) {
        self.rows
            .push(cells.iter().map(ToString::to_string).collect());
    }
}

/// A goal of the issue and how the run compares with it.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    /// What the goal asks.
    pub goal: String,
    /// What the run measured.
    pub measured: String,
    /// Met, missed, or `None` when it could not be measured.
    pub met: Option<bool>,
}

/// The whole report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The machine and toolchain it ran on.
    pub machine: Vec<(String, String)>,
    /// Tables, in order.
    pub sections: Vec<Section>,
    /// Goals, in order.
    pub goals: Vec<Goal>,
    /// Parts that failed or were skipped, with the reason.
    pub missing: Vec<String>,
    /// Wall time of the whole run, in seconds.
    pub runtime_s: f64,
}

impl Report {
    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        if !self.goals.is_empty() {
            out.push_str("### Goals\n\n| goal | measured | met |\n|---|---|---|\n");
            for g in &self.goals {
                let met = match g.met {
                    Some(true) => "yes",
                    Some(false) => "**no**",
                    None => "not measured",
                };
                out.push_str(&format!(
                    "| {} | {} | {met} |\n",
                    cell(&g.goal),
                    cell(&g.measured)
                ));
            }
            out.push('\n');
        }
        for s in &self.sections {
            out.push_str(&format!("### {}\n\n", s.title));
            if !s.note.is_empty() {
                out.push_str(&format!("{}\n\n", s.note));
            }
            out.push_str(&format!("| {} |\n", s.headers.join(" | ")));
            out.push_str(&format!("|{}\n", "---|".repeat(s.headers.len())));
            for r in &s.rows {
                let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out.push('\n');
        }
        if !self.missing.is_empty() {
            out.push_str("### Not measured in this run\n\n");
            for m in &self.missing {
                out.push_str(&format!("- {m}\n"));
            }
            out.push('\n');
        }
        if !self.machine.is_empty() {
            out.push_str("### Machine\n\n");
            for (k, v) in &self.machine {
                out.push_str(&format!("- {k}: {v}\n"));
            }
            out.push('\n');
        }
        out.push_str(&format!("Bench runtime: {:.0} s\n", self.runtime_s));
        out
    }
}

/// A table cell: pipes escaped, newlines flattened.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A ratio as `0.93×`, or `n/a`.
pub fn times(r: Option<f64>) -> String {
    r.map_or_else(|| "n/a".to_string(), |r| format!("{r:.2}×"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn markdown_has_goals_tables_and_escaped_cells() {
        let mut s = Section::new("Size", "bytes", &["page", "brotli"]);
        s.row(&["a|b", "10"]);
        let report = Report {
            sections: vec![s],
            goals: vec![Goal {
                goal: "small".into(),
                measured: "10 B".into(),
                met: Some(true),
            }],
            ..Report::default()
        };
        let md = report.markdown();
        assert!(md.contains("| small | 10 B | yes |"), "{md}");
        assert!(
            md.contains("| page | brotli |\n|---|---|\n| a\\|b | 10 |"),
            "{md}"
        );
    }
}
