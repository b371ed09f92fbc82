//! A virtualized list: however many rows it has, only those in view (plus a few above and below)
//! exist in the DOM, positioned inside a spacer as tall as all rows together. Rows have a fixed
//! height, which keeps scrolling O(1) per frame.
//!
//! Arrow keys, Page Up/Down, Home and End move focus between rows, scrolling as needed, so the
//! list is fully usable from the keyboard even though most rows are not rendered.

use crate::components::px;
use std::ops::Range;
use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Rows kept rendered above and below the viewport by default.
const DEFAULT_OVERSCAN: usize = 8;

/// Which rows to render for a viewport: pure arithmetic, unit-tested below.
pub fn visible_range(
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    count: usize,
    overscan: usize,
) -> Range<usize> {
    if count == 0 || row_height <= 0.0 {
        return 0..0;
    }
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let shown = (viewport.max(0.0) / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(count);
    let end = (first + shown + overscan).min(count);
    start..end
}

/// A list of `count` rows of `row_height` pixels; `row(i)` renders row `i`.
///
/// `on_range` hears which rows are in view whenever that changes, so that a caller can load the
/// data for them (pages of a long listing). Give the row's main control `data-primary` to make
/// it the one arrow keys focus (else the first focusable element, else the row).
#[component]
pub fn VirtualList<R, V>(
    #[prop(into)] count: Signal<usize>,
    row_height: f64,
    row: R,
    /// The list's accessible name.
    #[prop(into)]
    label: Signal<String>,
    #[prop(optional)] overscan: Option<usize>,
    #[prop(optional, into)] on_range: Option<Callback<Range<usize>>>,
) -> impl IntoView
where
    R: Fn(usize) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let row = Arc::new(row);
    let viewport = Viewport::new(count, row_height);
    viewport.overscan_after_first_paint(overscan.unwrap_or(DEFAULT_OVERSCAN));
    if let Some(cb) = on_range {
        Effect::new(move |_| cb.run(viewport.range.get()));
    }
    let render_row = move |i: usize| {
        let row = row.clone();
        view! {
            <div
                class="vlist__row"
                role="listitem"
                data-index=i
                aria-posinset=i + 1
                aria-setsize=move || count.get()
                style:height=px(row_height)
                style:transform=format!("translateY({})", px(i as f64 * row_height))
            >
                {row(i)}
            </div>
        }
    };
    view! {
        <div
            node_ref=viewport.node
            class="vlist"
            role="list"
            aria-label=label
            on:scroll=move |_| viewport.on_scroll()
            on:keydown=move |ev| viewport.on_keydown(&ev)
        >
            <div class="vlist__spacer" style:height=move || px(viewport.total_height())>
                <For each=move || viewport.range.get() key=|i| *i children=render_row/>
            </div>
        </div>
    }
}

/// The list's scroll state, kept out of the generic component so it is compiled once.
#[derive(Clone, Copy)]
struct Viewport {
    node: NodeRef<html::Div>,
    count: Signal<usize>,
    row_height: f64,
    scroll_top: RwSignal<f64>,
    height: RwSignal<f64>,
    overscan: RwSignal<usize>,
    range: Memo<Range<usize>>,
}

impl Viewport {
    fn new(count: Signal<usize>, row_height: f64) -> Viewport {
        let node = NodeRef::<html::Div>::new();
        let scroll_top = RwSignal::new(0.0);
        // Measured once the list is in the document (`observe_size`), which happens before the
        // browser paints: the first paint has exactly the rows in view, never a guess's worth.
        let height = RwSignal::new(0.0);
        let overscan = RwSignal::new(0);
        let range = Memo::new(move |_| {
            visible_range(
                scroll_top.get(),
                height.get(),
                row_height,
                count.get(),
                overscan.get(),
            )
        });
        let vp = Viewport {
            node,
            count,
            row_height,
            scroll_top,
            height,
            overscan,
            range,
        };
        vp.observe_size();
        vp
    }

    /// The rows above and below the view are for scrolling, not for the first screen: they are
    /// added in a task after the first frame is painted (a timeout queued from the frame's
    /// animation callback runs after its paint), so the list shows as soon as its visible rows
    /// are built.
    fn overscan_after_first_paint(&self, rows: usize) {
        let overscan = self.overscan;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    overscan.try_set(rows);
                },
                std::time::Duration::ZERO,
            );
        });
    }

    fn total_height(&self) -> f64 {
        self.count.get() as f64 * self.row_height
    }

    fn on_scroll(&self) {
        if let Some(el) = self.node.get_untracked() {
            self.scroll_top.set(el.scroll_top() as f64);
        }
    }

    /// Tracks the viewport's height with a ResizeObserver for as long as the list lives.
    fn observe_size(&self) {
        let height = self.height;
        self.node.on_load(move |el| {
            height.set(el.client_height() as f64);
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                        height.set(entry.content_rect().height());
                    }
                });
            let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
            else {
                return;
            };
            observer.observe(&el);
            let held = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || held.0.disconnect());
        });
    }

    /// Arrow keys, Page Up/Down, Home and End move between rows.
    fn on_keydown(&self, ev: &KeyboardEvent) {
        let count = self.count.get_untracked();
        if count == 0 {
            return;
        }
        let Some(current) = focused_row_index(ev) else {
            return;
        };
        let page = (self.height.get_untracked() / self.row_height)
            .floor()
            .max(1.0) as usize;
        let target = match ev.key().as_str() {
            "ArrowDown" => (current + 1).min(count - 1),
            "ArrowUp" => current.saturating_sub(1),
            "PageDown" => (current + page).min(count - 1),
            "PageUp" => current.saturating_sub(page),
            "Home" if ev.ctrl_key() || !in_text_field(ev) => 0,
            "End" if ev.ctrl_key() || !in_text_field(ev) => count - 1,
            _ => return,
        };
        ev.prevent_default();
        self.focus_row(target);
    }

    /// Scrolls row `index` into view, then focuses it once it is rendered.
    fn focus_row(&self, index: usize) {
        let Some(el) = self.node.get_untracked() else {
            return;
        };
        let top = index as f64 * self.row_height;
        let view_h = self.height.get_untracked();
        let scroll = el.scroll_top() as f64;
        if top < scroll {
            el.set_scroll_top(top as i32);
        } else if top + self.row_height > scroll + view_h {
            el.set_scroll_top((top + self.row_height - view_h).ceil() as i32);
        }
        self.scroll_top.set(el.scroll_top() as f64);
        // The row may only now be created; focus it after the render.
        request_animation_frame(move || focus_rendered_row(&el, index));
    }
}

fn in_text_field(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some()
}

fn focused_row_index(ev: &KeyboardEvent) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

fn focus_rendered_row(list: &web_sys::HtmlDivElement, index: usize) {
    let Ok(Some(row)) = list.query_selector(&format!("[data-index='{index}']")) else {
        return;
    };
    let target = row
        .query_selector("[data-primary]")
        .ok()
        .flatten()
        .or_else(|| {
            row.query_selector("a[href], button, input, [tabindex]")
                .ok()
                .flatten()
        })
        .unwrap_or(row);
    if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::visible_range;

    #[test]
    fn renders_only_the_window_and_its_overscan() {
        assert_eq!(visible_range(0.0, 560.0, 56.0, 10_000, 4), 0..15);
        assert_eq!(visible_range(56_000.0, 560.0, 56.0, 10_000, 4), 996..1015);
        assert_eq!(
            visible_range(559_440.0, 560.0, 56.0, 10_000, 4),
            9986..10_000
        );
    }

    #[test]
    fn copes_with_empty_lists_and_odd_input() {
        assert_eq!(visible_range(0.0, 500.0, 56.0, 0, 4), 0..0);
        assert_eq!(visible_range(-30.0, 500.0, 56.0, 3, 4), 0..3);
        assert_eq!(visible_range(1e9, 500.0, 56.0, 3, 4), 3..3);
        assert_eq!(visible_range(0.0, 500.0, 0.0, 3, 4), 0..0);
    }
}
