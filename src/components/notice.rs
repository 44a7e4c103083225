//! The message banner: errors stay until dismissed, information fades after a while
//! (unless it offers an undo: that stays for as long as the person does).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{DocAction, FeedbackAction, NoticeAction, NoticeKind, callback, use_app_state};

const INFO_MS: u32 = 8_000;

#[function_component]
pub fn NoticeBanner() -> Html {
    let state = use_app_state();
    {
        let state = state.clone();
        use_effect_with(state.feedback.notice.clone(), move |notice| {
            let timer = notice
                .as_ref()
                .filter(|n| n.kind == NoticeKind::Info && n.action.is_none())
                .map(|_| Timeout::new(INFO_MS, move || state.dispatch(FeedbackAction::Dismiss)));
            move || drop(timer)
        });
    }
    let Some(notice) = &state.feedback.notice else {
        return html! {};
    };
    let (class, role) = match notice.kind {
        NoticeKind::Error => ("notice error", "alert"),
        NoticeKind::Info => ("notice info", "status"),
    };
    let ondismiss = callback(&state, |_: MouseEvent| FeedbackAction::Dismiss);
    let button = notice.action.map(|NoticeAction::Restore(id)| {
        let onclick = callback(&state, move |_: MouseEvent| DocAction::RestoreDocument(id));
        html! { <button class="undo-delete" {onclick}>{ "Undo" }</button> }
    });
    html! {
        <div {class} {role}>
            <span class="notice-text">{ &notice.text }</span>
            { for button }
            <button class="dismiss" aria-label="Dismiss message" onclick={ondismiss}>{ "×" }</button>
        </div>
    }
}
