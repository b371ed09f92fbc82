//! `docspace-bench`: runs the measurements `cargo xtask bench` reports. xtask builds what it
//! measures (the app, the two embedding pages, the two baseline pages) and then runs this binary
//! in release mode.

mod baseline;
mod browser;
mod dashboard;
mod editor_route;
mod embed;
mod first_paint;
mod load;
mod size;
mod throughput;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, ValueEnum};
use docspace_bench::report::Report;

/// A part of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    Size,
    Load,
    Throughput,
    Embed,
    Dashboard,
    /// Our minimal page against the same page in React: sizes and latency.
    Baseline,
}

#[derive(Parser)]
#[command(about = "Side-by-side measurements of size, embed latency, throughput and scale")]
struct Args {
    /// The workspace root (for the official api.js under node_modules/).
    #[arg(long)]
    root: PathBuf,
    /// The app's release build (Trunk's dist/).
    #[arg(long)]
    app_dist: PathBuf,
    /// The release build of the docspace-sdk page (bench/sdk-page).
    #[arg(long)]
    sdk_page: PathBuf,
    /// The plain api.js page's directory (bench/plain-api).
    #[arg(long)]
    plain_page: PathBuf,
    /// The release build of an empty Leptos page built the same way (bench/leptos-empty).
    #[arg(long)]
    empty_page: Option<PathBuf>,
    /// The release build of our minimal page (bench/min-page).
    #[arg(long)]
    min_page: PathBuf,
    /// The production build of the React baseline page (bench/react-page).
    #[arg(long)]
    react_page: PathBuf,
    /// Where the JSON and Markdown reports go.
    #[arg(long)]
    out: PathBuf,
    /// Runs of each page per embed mode, and of each baseline page.
    #[arg(long, default_value_t = 30)]
    runs: usize,
    /// Only these parts (repeatable); all by default.
    #[arg(long, value_enum)]
    only: Vec<Part>,
    /// Machine facts to print with the report (`key=value`, repeatable).
    #[arg(long)]
    machine: Vec<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let started = Instant::now();
    let wants = |p: Part| args.only.is_empty() || args.only.contains(&p);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let mut report = Report {
        machine: args
            .machine
            .iter()
            .filter_map(|m| m.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Report::default()
    };
    let api_js = args
        .root
        .join("node_modules/docspace-sdk-js-2.1.0/dist/api.js");

    let scratch = args.out.join("scratch");
    if wants(Part::Size) {
        eprintln!("bench: size");
        // The app's files a real load of the rooms list fetches (the wasm is split).
        let first_paint = first_paint::measure(&args.app_dist, &scratch)
            .await
            .map_err(|e| format!("{e:#}"));
        match size::measure(
            &args.app_dist,
            &args.sdk_page,
            &args.plain_page,
            args.empty_page.as_deref(),
            &api_js,
        ) {
            Ok(out) => out.with_first_paint(first_paint).add_to(&mut report),
            Err(e) => report.missing.push(format!("size: {e:#}")),
        }
    }
    if wants(Part::Load) || wants(Part::Throughput) {
        eprintln!("bench: devportal load and throughput under limits");
        match load::prepare(&scratch).await {
            Ok(portal) => {
                if wants(Part::Load) {
                    match load::measure(&portal).await {
                        Ok(s) => report.sections.push(s),
                        Err(e) => report.missing.push(format!("devportal load: {e:#}")),
                    }
                }
                if wants(Part::Throughput) {
                    match throughput::measure(portal).await {
                        Ok(out) => out.add_to(&mut report),
                        Err(e) => report.missing.push(format!("throughput: {e:#}")),
                    }
                }
            }
            Err(e) => report.missing.push(format!("devportal data: {e:#}")),
        }
    }
    if wants(Part::Embed) {
        eprintln!("bench: embed latency");
        let app = args.app_dist.join("index.html").is_file();
        let app_dist = app.then_some(args.app_dist.as_path());
        match embed::measure(
            &args.sdk_page,
            &args.plain_page,
            app_dist,
            args.runs,
            &scratch,
        )
        .await
        {
            Ok((embed, route)) => {
                embed.add_to(&mut report);
                match route {
                    Some(Ok(route)) => route.add_to(&mut report),
                    Some(Err(e)) => report.missing.push(format!("editor route: {e:#}")),
                    None => report
                        .missing
                        .push("editor route: no built app in --app-dist".into()),
                }
            }
            Err(e) => report.missing.push(format!("embed latency: {e:#}")),
        }
    }
    if wants(Part::Dashboard) {
        eprintln!("bench: dashboard scale");
        match dashboard::measure(&args.app_dist, &scratch).await {
            Ok(out) => out.add_to(&mut report),
            Err(e) => report.missing.push(format!("dashboard scale: {e:#}")),
        }
    }
    if wants(Part::Baseline) {
        eprintln!("bench: baseline (our minimal page vs React)");
        match baseline::measure(
            &args.min_page,
            &args.react_page,
            &api_js,
            args.runs,
            &scratch,
        )
        .await
        {
            Ok(out) => out.add_to(&mut report),
            Err(e) => report.missing.push(format!("baseline: {e:#}")),
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);

    report.runtime_s = started.elapsed().as_secs_f64();
    let md = report.markdown();
    std::fs::write(args.out.join("bench.md"), &md).context("writing bench.md")?;
    std::fs::write(
        args.out.join("bench.json"),
        serde_json::to_vec_pretty(&report).context("encoding the report")?,
    )
    .context("writing bench.json")?;
    println!("{md}");
    Ok(())
}
