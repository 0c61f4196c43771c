/**
 * The pages the extraction benchmarks time: a signed-in LinkedIn profile
 * padded to more than 2 MB, and a directory of thousands of resident cards
 * of more than 2 MB (bench/extract.bench.ts in happy-dom,
 * bench/extract-chromium.bench.ts in Chromium).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

export interface Page {
  name: string;
  url: string;
  html: string;
  target: number;
  /** A page that yields people: extracting nothing there means the bench measures a failure. */
  expectsPeople: boolean;
}

const TWO_MB = 2 * 1024 * 1024;

/** A signed-in LinkedIn profile with thousands of experience entries (and long descriptions). */
export function bigLinkedInPage(): Page {
  const base = readFileSync(join(FIXTURES, 'linkedin/profile-resident.html'), 'utf8');
  const entry = (i: number): string => `
        <li class="artdeco-list__item pvs-list__item--line-separated pvs-list__item--one-column" id="exp-${i}">
          <div class="pvs-entity pvs-entity--padded" data-view-name="profile-component-entity">
            <div><a class="optional-action-target-wrapper display-flex" href="https://www.linkedin.com/company/${i}/"><img width="48" src="https://media.licdn.com/dms/image/logo-${i}.png" alt="Company ${i} logo"></a></div>
            <div class="display-flex flex-column full-width align-self-center">
              <div class="display-flex align-items-center mr1 t-bold"><span aria-hidden="true">Attending Physician ${i}</span><span class="visually-hidden">Attending Physician ${i}</span></div>
              <span class="t-14 t-normal"><span aria-hidden="true">Hospital Number ${i} · Full-time</span><span class="visually-hidden">Hospital Number ${i} · Full-time</span></span>
              <span class="t-14 t-normal t-black--light"><span aria-hidden="true" class="pvs-entity__caption-wrapper">Jan 2001 - Dec 2002 · 2 yrs</span><span class="visually-hidden">Jan 2001 to Dec 2002 · 2 years</span></span>
              <span class="t-14 t-normal t-black--light"><span aria-hidden="true">Springfield, Illinois, United States</span><span class="visually-hidden">Springfield, Illinois, United States</span></span>
              <div class="pvs-list__outer-container"><div class="inline-show-more-text"><span aria-hidden="true">${'Cared for patients, taught residents and students, led quality improvement projects. '.repeat(3)}</span><span class="visually-hidden">${'Cared for patients, taught residents and students, led quality improvement projects. '.repeat(3)}</span></div></div>
            </div>
          </div>
        </li>`;
  const entries: string[] = [];
  let size = base.length;
  for (let i = 0; size < TWO_MB + 64 * 1024; i++) {
    const e = entry(i);
    entries.push(e);
    size += e.length;
  }
  const marker = '<li class="artdeco-list__item pvs-list__item--line-separated pvs-list__item--one-column" id="profilePagedListComponent-exp-2">';
  const html = base.replace(marker, `${entries.join('')}${marker}`);
  return { name: `extract.generated.linkedin-${(html.length / 1024 / 1024).toFixed(1)}mb`, url: 'https://www.linkedin.com/in/priya-raman-md/', html, target: 50, expectsPeople: true };
}

/** A directory of thousands of resident cards without structured data. */
export function bigDirectoryPage(): Page {
  const card = (i: number): string => `
    <div class="resident-card">
      <img src="/images/residents/r${i}.jpg" alt="Resident ${i}">
      <h3 class="resident-name">${['Chidi Okonkwo', 'Hannah Müller', 'Sofia Reyes', 'Jean-Luc van der Berg', 'Priya Raman'][i % 5]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + ((i / 26) % 26))}son, MD</h3>
      <p class="resident-role">PGY-${(i % 3) + 1}</p>
      <p class="resident-school"><strong>Medical School:</strong> University School of Medicine</p>
      <p class="resident-hometown"><strong>Hometown:</strong> Houston, TX</p>
      <p class="resident-interests"><strong>Interests:</strong> Cardiology, medical education, global health, quality improvement</p>
      <p><a href="mailto:resident${i}@northfield.example.org">Email</a> · <a href="/im/residents/${i}">View profile</a></p>
    </div>`;
  const cards: string[] = [];
  let size = 0;
  for (let i = 0; size < TWO_MB + 64 * 1024; i++) {
    const c = card(i);
    cards.push(c);
    size += c.length;
  }
  const html = `<!DOCTYPE html><html><head><title>Current Residents | Northfield General Hospital</title></head><body>
<header class="site-header"><nav><a href="/gme">Graduate Medical Education</a></nav></header>
<main id="content"><h1>Meet Our Residents</h1><div class="resident-grid">${cards.join('')}</div></main></body></html>`;
  return { name: `extract.generated.directory-${(html.length / 1024 / 1024).toFixed(1)}mb`, url: 'https://www.northfield.example.org/im/residents', html, target: 50, expectsPeople: true };
}

