/**
 * Directory tables (alumni directories, faculty and resident rosters) read by
 * their header cells: Name, Class or Year, Specialty, Position or Title,
 * Organization or Employer, Location, E-mail, Phone. A class year is never a
 * title; when the table has an employer column, its cell (even empty) is the
 * organization, never the school that runs the directory.
 *
 * Pure: reads only. Tables without a recognisable Name header are left to
 * the card heuristics.
 */
import type { CaptureInput } from '../model/schemas';
import { parseName } from './names';
import { MAX_PEOPLE, clean, emailIn, httpLink, imageUrl, readText, withoutFragment } from './text';

type Column = 'name' | 'first' | 'last' | 'year' | 'specialty' | 'title' | 'organization' | 'location' | 'email' | 'phone';

const HEADERS: [Column, RegExp][] = [
  ['name', /^(?:(?:full )?name|faculty(?: member)?|resident|physician|provider|member|alumn(?:us|a|i|ae)|graduate|person|nombre|nom)$/i],
  ['last', /^(?:last name|surname|family name|apellidos?|nom de famille|nachname)$/i],
  ['first', /^(?:first name|given name|pr[ée]nom|vorname)$/i],
  ['year', /^(?:class(?: year| of)?|year|grad(?:uation)?(?: year)?|pgy|cohort|promoción|promo)$/i],
  ['specialty', /^(?:specialt(?:y|ies)|speciality|field|especialidad|spécialité|fachgebiet)$/i],
  ['title', /^(?:(?:current )?(?:position|title|role|job title)|cargo|puesto|fonction|funktion|rank)$/i],
  ['organization', /^(?:(?:current )?(?:organi[sz]ation|employer|institution|company|hospital|practice|affiliation|workplace)|empresa|institución|employeur|arbeitgeber)$/i],
  ['location', /^(?:location|city|city\s*[,/]\s*state|place|ciudad|ville|ort|residence)$/i],
  ['email', /^(?:e-?mail(?: address)?|correo|courriel)$/i],
  ['phone', /^(?:phone|telephone|tel\.?|teléfono|téléphone)$/i],
];

function columnOf(header: string): Column | undefined {
  const text = clean(header).replace(/[:*]$/, '');
  return HEADERS.find(([, re]) => re.test(text))?.[0];
}

/** The header cells of a table: its thead row, else a first row made of <th>. */
function headerRow(table: Element): Element[] | undefined {
  const row = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!row) return undefined;
  const cells = [...row.children].filter((c) => c.tagName === 'TH' || c.tagName === 'TD');
  if (!cells.length || !cells.every((c) => c.tagName === 'TH' || row.closest('thead'))) return undefined;
  return cells;
}

/** Everyone the page's directory tables list, in page order; [] when no table has a Name header. */
export function tablePeople(doc: Document, url: string, root: Element, organization: string | undefined): CaptureInput[] {
  const out: CaptureInput[] = [];
  for (const table of root.querySelectorAll('table')) {
    const header = headerRow(table);
    if (!header) continue;
    const columns = header.map((c) => columnOf(readText(c)));
    // "Last Name" and "First Name" columns make the name between them.
    const nameAt = columns.includes('name') ? columns.indexOf('name') : columns.includes('first') && columns.includes('last') ? columns.indexOf('last') : -1;
    if (nameAt < 0) continue;
    const headerTr = header[0]?.parentElement;
    for (const tr of table.querySelectorAll('tr')) {
      if (out.length >= MAX_PEOPLE) return out;
      if (tr === headerTr || tr.closest('table') !== table) continue;
      const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
      const person = rowToCapture(cells, columns, nameAt, url, organization);
      if (person) out.push(person);
    }
  }
  return out;
}

function rowToCapture(cells: Element[], columns: (Column | undefined)[], nameAt: number, url: string, organization: string | undefined): CaptureInput | null {
  const nameCell = cells[nameAt];
  if (!nameCell) return null;
  const firstAt = columns[nameAt] === 'last' ? columns.indexOf('first') : -1;
  const name = parseName(firstAt >= 0 ? `${readText(cells[firstAt])} ${readText(nameCell)}` : readText(nameCell));
  if (!name.fullName || name.fullName.length > 100) return null;
  const link = httpLink(nameCell.querySelector('a[href]')?.getAttribute('href'), url);
  const capture: CaptureInput = {
    source: 'web',
    fullName: name.fullName,
    credentials: name.credentials,
    profileUrl: link && withoutFragment(link) !== withoutFragment(url) ? withoutFragment(link) : withoutFragment(url),
  };
  if (name.firstName) capture.firstName = name.firstName;
  if (name.lastName) capture.lastName = name.lastName;
  if (name.honorific) capture.honorific = name.honorific;
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (!cell || !column || column === 'name' || column === 'first' || column === 'last' || column === 'year') return;
    const text = readText(cell);
    if (column === 'email') {
      const mail = cell.querySelector('a[href^="mailto:" i]')?.getAttribute('href');
      const address = mail ? clean(mail.replace(/^mailto:/i, '').split('?')[0]) : emailIn(text);
      if (address) capture.email = address;
      return;
    }
    if (text) capture[column] = text;
  });
  // Without an employer column, the directory's own organization is everyone's (a faculty roster).
  if (!columns.includes('organization') && organization) capture.organization = organization;
  const photo = imageUrl(cells.map((c) => c.querySelector('img')).find(Boolean), url);
  if (photo) capture.photoUrl = photo;
  return capture;
}
