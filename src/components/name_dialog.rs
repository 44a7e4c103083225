//! "Your name": who the person is, recorded as the creator of what they make or change,
//! so that colleagues who exchange files can tell their work apart. Asked once, before
//! the first export (when work first leaves the browser); changed at any time from
//! View ▸ Your name.

use annotator_core::Creator;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use super::hooks::use_initial_value;

#[derive(Properties, PartialEq)]
pub struct NameDialogProps {
    /// The name given so far, if any.
    pub author: Option<Creator>,
    /// Annotations of the open article that name no one (offered to be marked as theirs).
    pub unnamed: usize,
    /// Called with the name (`None`: no name) and whether to mark the unnamed ones too.
    pub onsave: Callback<(Option<Creator>, bool)>,
    /// Given when the dialog was opened by an export: going on without a name.
    #[prop_or_default]
    pub onskip: Option<Callback<()>>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn NameDialog(props: &NameDialogProps) -> Html {
    let (name, organisation, claim) = (use_node_ref(), use_node_ref(), use_node_ref());
    use_focus_on_mount(name.clone());
    let onsave = {
        let (name, organisation, claim) = (name.clone(), organisation.clone(), claim.clone());
        let (onsave, onclose) = (props.onsave.clone(), props.onclose.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let checked = claim.cast::<HtmlInputElement>().is_some_and(|c| c.checked());
            onsave.emit((Creator::new(&value(&name), &value(&organisation)), checked));
            onclose.emit(());
        }
    };
    let onclose = props.onclose.clone();
    let (given, org) = props
        .author
        .as_ref()
        .map_or((String::new(), String::new()), |a| (a.name.clone(), a.organisation.clone()));
    use_initial_value(name.clone(), given, false);
    use_initial_value(organisation.clone(), org, false);
    use_initial_value(claim.clone(), "on".to_owned(), true);
    let unnamed = match props.unnamed {
        1 => "Also mark the 1 annotation here that names no one as mine".to_owned(),
        n => format!("Also mark the {n} annotations here that name no one as mine"),
    };
    html! {
        <Dialog title="Your name" title_id="name-title" onclose={props.onclose.clone()}>
            <form onsubmit={onsave}>
                <p class="hint">{ "Each annotation you make or change is marked with your name, and your exports carry it, so that colleagues can tell your work from theirs. It stays in this browser; leave it empty for none." }</p>
                <label>{ "Name" }<input id="author-name" ref={name} autocomplete="name" /></label>
                <label>{ "Organisation (optional)" }<input id="author-org" ref={organisation} autocomplete="organization" /></label>
                if props.unnamed > 0 {
                    <label class="toggle"><input id="claim-unnamed" type="checkbox" ref={claim} />{ format!(" {unnamed}") }</label>
                }
                <div class="dialog-actions">
                    if let Some(onskip) = props.onskip.clone() {
                        <button type="button" id="author-skip" onclick={move |_: MouseEvent| { onskip.emit(()); onclose.emit(()); }}>{ "Export without a name" }</button>
                    } else {
                        <button type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    }
                    <button type="submit" class="primary" id="author-save">{ if props.onskip.is_some() { "Save and export" } else { "Save" } }</button>
                </div>
            </form>
        </Dialog>
    }
}
