//! The props every frame component shares, written once.
//!
//! Leptos components cannot inherit props, so [`frame_component!`] writes each component with
//! the shared ones (`portal`, `options`, `frame_ref`, `class`, `on_ready`, `on_event`,
//! `on_error`) around the config and the events of its mode. The expansion is the one a
//! hand-written component had (same props, same body), so a page's wasm does not change.

/// Declares a frame component.
///
/// ```text
/// frame_component! {
///     /// The component's doc.
///     Name {                        // or `Name["a-class"]`: that class always, no `class` prop
///         /// The config's doc, then its prop attribute.
///         #[prop(optional, into)]
///         config: Option<Signal<C>> => /* a Signal<FrameConfig> made of `config` */,
///         ready: "on_ready's doc",
///         /// An event's doc.
///         on_select: Vec<Item>,     // the prop `on_select: Option<Callback<Vec<Item>>>`
///     }
/// }
/// ```
macro_rules! frame_component {
    (
        $(#[$doc:meta])*
        $name:ident $([$fixed_class:literal])? { $($body:tt)* }
    ) => {
        frame_component!(@class [$($fixed_class)?] [$(#[$doc])* $name] $($body)*);
    };
    (@class [] $($rest:tt)*) => {
        frame_component!(@emit
            [
                /// Extra classes for the outer `div`.
                #[prop(optional, into)]
                class: MaybeProp<String>,
            ]
            [class]
            $($rest)*
        );
    };
    (@class [$fixed_class:literal] $($rest:tt)*) => {
        frame_component!(@emit [] [MaybeProp::from($fixed_class.to_string())] $($rest)*);
    };
    (@emit [$($class_prop:tt)*] [$class:expr] [$(#[$doc:meta])* $name:ident]
        $(#[$config_attr:meta])*
        $config:ident: $wrapper:ident<$config_ty:ty> => $frame_config:expr,
        ready: $ready_doc:literal,
        $( $(#[$event_doc:meta])* $event:ident: $payload:ty, )*
    ) => {
        $(#[$doc])*
        #[component]
        pub fn $name(
            /// The portal's origin, e.g. `https://docs.example.com`.
            #[prop(into)]
            portal: Signal<String>,
            $(#[$config_attr])*
            // The outer type as tokens: `#[component]` sees `Option` only so.
            $config: $wrapper<$config_ty>,
            /// Script version, time limits, iframe title, focus ([`FrameOptions`]).
            #[prop(optional)]
            options: FrameOptions,
            /// Receives the frame, to call its methods.
            #[prop(optional)]
            frame_ref: Option<FrameRef>,
            $($class_prop)*
            #[doc = $ready_doc]
            #[prop(optional, into)]
            on_ready: Option<Callback<()>>,
            /// Every event.
            #[prop(optional, into)]
            on_event: Option<Callback<FrameEvent>>,
            /// The frame cannot work, or DocSpace reported an error.
            #[prop(optional, into)]
            on_error: Option<Callback<SdkError>>,
            $(
                $(#[$event_doc])*
                #[prop(optional, into)]
                $event: Option<Callback<$payload>>,
            )*
        ) -> impl IntoView {
            // The mode's events inside: `DocSpace` sets every field, and one update over all of
            // them would be needless. (Setting fields one by one instead reordered the stores
            // and added 185 B to the bench page's brotli.)
            let events = EventProps {
                on_ready,
                on_event,
                on_error,
                ..EventProps {
                    $($event,)*
                    ..EventProps::default()
                }
            };
            embed(portal, $frame_config, options, frame_ref, $class, events)
        }
    };
}
