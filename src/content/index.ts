/**
 * The page annotator's entry point. Live badges next to names and emails (the single-pass name
 * matcher, lit-html into shadow roots) are their own issue; until then this script is registered
 * only for 127.0.0.1/localhost pages and deliberately does nothing, so it can never disturb a page.
 */
export {};
