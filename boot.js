// Starts the app. An external module rather than Trunk's injected inline script, so the
// Content-Security-Policy can forbid inline script entirely.
import init from './article-annotator.js';

await init({ module_or_path: new URL('./article-annotator_bg.wasm', import.meta.url) });
