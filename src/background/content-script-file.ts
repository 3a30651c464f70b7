/** The built page annotator (a single IIFE file at the root of dist/, see vite.config.ts). */
export const CONTENT_SCRIPT_FILE = 'content.js';
