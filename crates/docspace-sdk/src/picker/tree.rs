//! The navigation tree (ARIA `tree`): "Rooms" at the top, rooms below it, folders below those,
//! loaded as they are expanded. Rendered flat with `aria-level`, `aria-setsize` and
//! `aria-posinset`, one roving tab stop. Keys: Up/Down move, Right expands or enters, Left
//! collapses or goes to the parent, Home/End, Enter or Space opens the folder in the list.

use std::collections::{HashMap, HashSet};

use leptos::attr::custom::custom_attribute;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::icon::{Mark, MarkIcon};
use super::source::{self, Place};
use super::state::PickerState;

/// A loaded level of the tree.
type Children = Result<Vec<(Place, String)>, String>;

/// What the tree keeps.
#[derive(Clone, Copy)]
pub struct TreeState {
    children: RwSignal<HashMap<Place, Children>>,
    loading: RwSignal<HashSet<Place>>,
    expanded: RwSignal<HashSet<Place>>,
    /// The node holding the tab stop.
    focus: RwSignal<Place>,
}

/// One rendered row.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    place: Place,
    title: String,
    level: usize,
    parent: Option<Place>,
    size: usize,
    pos: usize,
    /// `None` for a node known to have no subfolders.
    expanded: Option<bool>,
}

impl TreeState {
    pub fn new() -> Self {
        let tree = TreeState {
            children: RwSignal::new(HashMap::new()),
            loading: RwSignal::new(HashSet::new()),
            expanded: RwSignal::new(HashSet::new()),
            focus: RwSignal::new(Place::Rooms),
        };
        tree.expanded.update(|e| {
            e.insert(Place::Rooms);
        });
        tree
    }

    fn load(&self, picker: PickerState, place: Place) {
        let known = self.children.with_untracked(|c| c.contains_key(&place));
        let busy = self.loading.with_untracked(|l| l.contains(&place));
        if known || busy {
            return;
        }
        self.loading.update(|l| {
            l.insert(place.clone());
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = picker.client.get_value();
            let result = source::subfolders(&client, &place)
                .await
                .map(|v| {
                    v.into_iter()
                        .map(|(id, title)| (Place::Folder(id), title))
                        .collect()
                })
                .map_err(|e| e.to_string());
            this.loading.update(|l| {
                l.remove(&place);
            });
            this.children.update(|c| {
                c.insert(place, result);
            });
        });
    }

    /// The rows in display order: depth first through expanded nodes.
    fn rows(&self, rooms: String) -> Vec<Row> {
        let children = self.children.get();
        let expanded = self.expanded.get();
        let mut out = Vec::new();
        let root_open = expanded.contains(&Place::Rooms);
        out.push(Row {
            place: Place::Rooms,
            title: rooms,
            level: 1,
            parent: None,
            size: 1,
            pos: 1,
            expanded: Some(root_open),
        });
        if root_open {
            push_children(&mut out, &children, &expanded, &Place::Rooms, 2);
        }
        out
    }
}

fn push_children(
    out: &mut Vec<Row>,
    children: &HashMap<Place, Children>,
    expanded: &HashSet<Place>,
    parent: &Place,
    level: usize,
) {
    let Some(Ok(kids)) = children.get(parent) else {
        return;
    };
    for (i, (place, title)) in kids.iter().enumerate() {
        let open = expanded.contains(place);
        let leaf = matches!(children.get(place), Some(Ok(v)) if v.is_empty());
        out.push(Row {
            place: place.clone(),
            title: title.clone(),
            level,
            parent: Some(parent.clone()),
            size: kids.len(),
            pos: i + 1,
            expanded: if leaf { None } else { Some(open) },
        });
        if open {
            push_children(out, children, expanded, place, level + 1);
        }
    }
}

/// The tree view.
#[component]
pub fn Tree(picker: PickerState, tree: TreeState) -> impl IntoView {
    tree.load(picker, Place::Rooms);
    let node_id = move |i: usize| format!("{}-node-{i}", picker.ids.get_value());
    let rows = Memo::new(move |_| tree.rows(picker.texts.with(|t| t.rooms.to_string())));

    let focus_node = move |place: Place| {
        tree.focus.set(place.clone());
        request_animation_frame(move || {
            let index = rows.with_untracked(|r| r.iter().position(|x| x.place == place));
            if let Some(el) = index
                .and_then(|i| document().get_element_by_id(&node_id(i)))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    let toggle_open = move |place: &Place, open: bool| {
        tree.expanded.update(|e| {
            if open {
                e.insert(place.clone());
            } else {
                e.remove(place);
            }
        });
        if open {
            tree.load(picker, place.clone());
        }
    };

    let on_keydown = move |ev: KeyboardEvent| {
        let all = rows.get_untracked();
        let focused = tree.focus.get_untracked();
        let Some(i) = all.iter().position(|r| r.place == focused) else {
            return;
        };
        let row = &all[i];
        match ev.key().as_str() {
            "ArrowDown" if i + 1 < all.len() => focus_node(all[i + 1].place.clone()),
            "ArrowUp" if i > 0 => focus_node(all[i - 1].place.clone()),
            "Home" => focus_node(all[0].place.clone()),
            "End" => focus_node(all[all.len() - 1].place.clone()),
            "ArrowRight" => match row.expanded {
                Some(false) => toggle_open(&row.place, true),
                Some(true) => {
                    if let Some(child) = all
                        .get(i + 1)
                        .filter(|c| c.parent.as_ref() == Some(&row.place))
                    {
                        focus_node(child.place.clone());
                    }
                }
                None => {}
            },
            "ArrowLeft" => match (row.expanded, &row.parent) {
                (Some(true), _) => toggle_open(&row.place, false),
                (_, Some(parent)) => focus_node(parent.clone()),
                _ => {}
            },
            "Enter" | " " => picker.open(row.place.clone()),
            _ => return,
        }
        ev.prevent_default();
    };

    view! {
        <ul class="ds-picker__tree" role="tree" aria-label="Rooms and folders" on:keydown=on_keydown>
            <For
                each=move || rows.get().into_iter().enumerate()
                key=|(i, r)| (*i, r.place.clone(), r.expanded, r.title.clone())
                let:((i, row))
            >
                {
                    let place = row.place.clone();
                    let current = {
                        let place = place.clone();
                        move || picker.place.get() == place
                    };
                    let tabbable = {
                        let place = place.clone();
                        move || if tree.focus.get() == place { "0" } else { "-1" }
                    };
                    let loading = {
                        let place = place.clone();
                        move || tree.loading.with(|l| l.contains(&place))
                    };
                    let twisty = row.expanded.map(|open| {
                        view! { <MarkIcon mark=if open { Mark::Expanded } else { Mark::Collapsed }/> }
                    });
                    let click_place = place.clone();
                    let twisty_place = place.clone();
                    let expanded = row.expanded;
                    // Leptos has no `aria-level` attribute method: add it by name.
                    let level = custom_attribute("aria-level", row.level.to_string());
                    view! {
                        <li
                            id=node_id(i)
                            class="ds-picker__treeitem"
                            role="treeitem"
                            tabindex=tabbable
                            aria-setsize=row.size
                            aria-posinset=row.pos
                            aria-expanded=row.expanded.map(|e| if e { "true" } else { "false" })
                            aria-selected=move || if current() { "true" } else { "false" }
                            aria-busy=move || loading().then_some("true")
                            style:padding-left=format!("{}rem", 0.375 + (row.level - 1) as f64 * 0.875)
                            on:click=move |_| {
                                tree.focus.set(click_place.clone());
                                picker.open(click_place.clone());
                            }
                        >
                            <span
                                class="ds-picker__twisty"
                                aria-hidden="true"
                                on:click=move |ev| {
                                    if let Some(open) = expanded {
                                        ev.stop_propagation();
                                        toggle_open(&twisty_place, !open);
                                    }
                                }
                            >
                                {twisty}
                            </span>
                            <span>{row.title.clone()}</span>
                        </li>
                    }
                    .add_any_attr(level)
                }
            </For>
            {move || {
                tree.children
                    .with(|c| match c.get(&Place::Rooms) {
                        Some(Err(e)) => Some(e.clone()),
                        _ => None,
                    })
                    .map(|e| view! { <li class="ds-picker__status ds-picker__status--error" role="none">{e}</li> })
            }}
        </ul>
    }
}
