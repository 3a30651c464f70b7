/**
 * Which colour family each presence state belongs to, and the colours themselves. Colour only
 * reinforces the glyph's shape and the text label (WCAG 1.4.1); each value keeps at least 3:1
 * against its background (WCAG 1.4.11), which test/unit/ui/status-tones.test.ts checks.
 */
import type { PresenceStatus } from '../core/presence';

export type StatusTone = 'available' | 'away' | 'busy' | 'dnd' | 'away-long' | 'neutral';

export const STATUS_TONES: Readonly<Record<PresenceStatus, StatusTone>> = {
  Unknown: 'neutral',
  Pending: 'neutral',
  Active: 'available',
  Inactive: 'away',
  Dnd: 'dnd',
  Quiet: 'dnd',
  Busy: 'busy',
  OutOfOffice: 'away-long',
  Call: 'busy',
  Meeting: 'busy',
  Presenting: 'busy',
  CalendarItem: 'busy',
};

export interface Palette {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly accentText: string;
  readonly danger: string;
  readonly focus: string;
  readonly tones: Readonly<Record<StatusTone, string>>;
}

export const LIGHT_PALETTE: Palette = {
  background: '#ffffff',
  surface: '#f5f6f8',
  text: '#1b1c1f',
  muted: '#555a61',
  border: '#8a9099',
  accent: '#0b5cad',
  accentText: '#ffffff',
  danger: '#b3261e',
  focus: '#0b5cad',
  tones: {
    available: '#0e7a0d',
    away: '#8a5300',
    busy: '#c4262e',
    dnd: '#a1161f',
    'away-long': '#8a3ab9',
    neutral: '#5f6368',
  },
};

export const DARK_PALETTE: Palette = {
  background: '#1b1c1f',
  surface: '#26282c',
  text: '#eceef1',
  muted: '#b0b5bc',
  border: '#7d838c',
  accent: '#7cb7ff',
  accentText: '#10151c',
  danger: '#ff8a80',
  focus: '#7cb7ff',
  tones: {
    available: '#6bcb64',
    away: '#f0b44c',
    busy: '#ff8a8a',
    dnd: '#ff6b6b',
    'away-long': '#d59bff',
    neutral: '#a8adb3',
  },
};
