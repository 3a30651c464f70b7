import type { DemoPerson } from './demo-people.js';
import { DEMO_PEOPLE } from './demo-people.js';
import { Html, html } from './html.js';

// A plain wiki-like page for the content script to decorate: names and emails appear in prose,
// a list, a table and links, one name in a different case, and nothing runs on it.

function person(email: string): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.email === email);
  if (!found) throw new Error(`demo page refers to unknown person ${email}`);
  return found;
}

const mail = (p: DemoPerson): Html => html`<a href="mailto:${p.email}">${p.displayName}</a>`;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}a{color:#8cb4ff}}`;

export function demoPageHtml(): string {
  const ada = person('ada.lovelace@example.com');
  const grace = person('grace.hopper@example.com');
  const alan = person('alan.turing@example.com');
  const katherine = person('katherine.johnson@example.com');
  const margaret = person('margaret.hamilton@example.com');
  const zoe = person('zoe.obrien@example.com');
  const renee = person('renee.muller-schmidt@example.com');
  const bot = person('build.bot@example.com');
  const onCall = [
    'barbara.liskov@example.com',
    'dennis.ritchie@example.com',
    'hedy.lamarr@example.com',
    'charles.babbage@example.com',
    'frances.allen@example.com',
  ].map(person);
  const rows = DEMO_PEOPLE.map(
    (p) =>
      html`<tr>
        <td>${p.displayName}</td>
        <td>${p.email}</td>
        <td>${p.role}</td>
      </tr>`,
  );
  const items = onCall.map((p) => html`<li>${p.displayName} (${p.email}) — ${p.role}</li>`);

  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Team wiki — Presence Lens demo</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <h1>Team wiki — Presence Lens demo</h1>
        <p>
          Welcome to the platform team. Questions about the analytics engine go to ${mail(ada)}
          (${ada.email}); she reviews every design document. Compiler questions are best sent to
          ${grace.displayName} at ${grace.email} — and yes, the old sign-off on the release notes
          really does say ${grace.displayName.toUpperCase()}.
        </p>
        <p>
          Research sync: ${alan.displayName} (${alan.email}) runs the reading group on Thursdays.
          ${mail(katherine)} (${katherine.email}) owns flight dynamics and is away this week;
          ${margaret.displayName} &lt;${margaret.email}&gt; covers for her.
        </p>
        <p>
          Product questions: ${mail(zoe)} at ${zoe.email}. User research: ${renee.displayName},
          ${renee.email}. Build failures are announced by ${bot.displayName} (${bot.email}) in the
          #builds space — ${'<no reply needed>'}.
        </p>
        <h2>On-call rotation</h2>
        <ul>
          ${items}
        </ul>
        <h2>Directory</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </body>
    </html> `.text;
}
