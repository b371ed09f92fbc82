//! Macros that write the builders' setters, one line per field.

/// Generates builder setters that take the value as is.
macro_rules! value_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: $ty) -> Self {
                self.$field = value;
                self
            }
        )+
    };
}

/// Generates builder setters that convert into the field's type.
macro_rules! into_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = value.into();
                self
            }
        )+
    };
}

/// Generates builder setters for optional fields.
macro_rules! option_setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = Some(value.into());
                self
            }
        )+
    };
}

/// Declares a builder struct whose fields are each written once, with the setter they get:
/// `plain` (none, or one written by hand), `value`, `into` or `option` (the macros above; an
/// `option` field of type `T` holds an `Option<T>`). The field's doc is its setter's.
macro_rules! builder_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$doc:meta])* $setter:ident $field:ident: $ty:ty, )+
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $field: builder_struct!(@type $setter $ty), )+
        }

        impl $name {
            $( builder_struct!(@setter $setter $(#[$doc])* $field: $ty); )+
        }
    };
    (@type option $ty:ty) => { Option<$ty> };
    (@type $setter:ident $ty:ty) => { $ty };
    (@setter plain $($field:tt)*) => {};
    (@setter value $($field:tt)*) => { value_setters! { $($field)* } };
    (@setter into $($field:tt)*) => { into_setters! { $($field)* } };
    (@setter option $($field:tt)*) => { option_setters! { $($field)* } };
}
