//! A standing banner while work is not being saved, or saved data could not be read.

use yew::prelude::*;

use crate::effects::documents;
use crate::effects::files::export_workspace;
use crate::state::use_app_state;

#[function_component]
pub fn StorageBanner() -> Html {
    let state = use_app_state();
    let onexport = {
        let state = state.clone();
        move |_| export_workspace(&state)
    };
    let downloads = state.health.storage_downloads.clone();
    let ondownload_backup = move |_| documents::download_unreadable(&downloads);
    let warning = state.health.storage_full_pct.filter(|_| state.health.storage_problem.is_none()).map(|pct| {
        html! {
            <div class="storage-banner warn" role="status">
                <span>{ format!("Browser storage is {pct}% full. Export your work and start new articles sparingly.") }</span>
                <button onclick={onexport.clone()}>{ "Export JSON" }</button>
            </div>
        }
    });
    // What is wrong with the saved data, and (unless it is the same) why saving fails.
    let saving =
        state.health.storage_problem.as_ref().filter(|p| Some(*p) != state.health.data_problem.as_ref());
    let problems = state.health.data_problem.iter().chain(saving);
    html! {
        <>
            { for warning }
            { for problems.map(|problem| {
                let backup = problem.has_download() && !state.health.storage_downloads.is_empty();
                html! {
                    <div class="storage-banner error" role="alert">
                        <span>{ problem.to_string() }</span>
                        if backup {
                            <button class="download-backup" onclick={ondownload_backup.clone()}>{ "Download the unreadable data" }</button>
                        } else {
                            <button onclick={onexport.clone()}>{ "Export JSON" }</button>
                        }
                    </div>
                }
            }) }
        </>
    }
}
