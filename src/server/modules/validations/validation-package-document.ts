import type { Readiness } from '../../../domain/security-profile/readiness.ts';
import {
  durationText,
  type PackageCriterion,
  type PackageEvidence,
  type PackageParticipant,
  type PreparationPackage,
} from '../../../domain/validations/preparation-package.ts';
import { PREPARATION_TEXT } from '../../../domain/validations/preparation-package-text.ts';
import {
  type DocumentBlock,
  type DocumentModel,
  heading,
  keyValues,
  PAGE_BREAK,
  paragraph,
  table,
} from '../../documents/document-model.ts';
import {
  answerStatusWord,
  criterionAnswerBlocks,
  designationWord,
  type EvidenceIndexEntry,
  evidenceIndexTable,
  instant,
  readinessTable,
} from '../security-profile/profile-document-parts.ts';
import {
  PROFILE_EXPORT_LABELS,
  type ProfileExportLabels,
} from '../security-profile/profile-export-labels.ts';
import { PACKAGE_LABELS, type PackageLabels } from './validation-package-labels.ts';

/**
 * The preparation package as a document model (ADR 0026): the domain decides what the package
 * says (preparation-package.ts), this lays it out for the PDF and the Word file alike, reusing
 * the Security Profile export's pieces for the answers, the readiness table and the evidence
 * index (profile-document-parts.ts). Pure: no I/O.
 */

export interface PackageDocumentExtras {
  catalogVersion: string | null;
  generatedAt: Date;
  /** The profile's readiness per category and in total; null without a profile. */
  readiness: { byCategory: ReadonlyMap<number, Readiness>; total: Readiness } | null;
  /** File facts of the linked documents, by evidence id (from the evidence library). */
  evidenceFiles: ReadonlyMap<
    string,
    { filename: string; mediaType: string; sha256: string; deleted: boolean }
  >;
}

interface Words {
  labels: PackageLabels;
  profile: ProfileExportLabels;
}

const CHECKBOX = '[   ]';

function titleOf(pkg: PreparationPackage, labels: PackageLabels): string {
  return pkg.kind === 'readiness' ? labels.readinessTitle : labels.documentTitle;
}

function datesOf(pkg: PreparationPackage): string {
  const validation = pkg.validation;
  if (!validation?.startsOn) return '';
  return validation.endsOn && validation.endsOn !== validation.startsOn
    ? `${validation.startsOn} – ${validation.endsOn}`
    : validation.startsOn;
}

function coverFacts(pkg: PreparationPackage, extras: PackageDocumentExtras, { labels }: Words) {
  const validation = pkg.validation;
  return [
    { key: labels.cover.member, value: pkg.memberName },
    { key: labels.cover.validation, value: validation ? labels.kinds[validation.kind] : '' },
    { key: labels.cover.mode, value: validation ? labels.modes[validation.mode] : '' },
    { key: labels.cover.status, value: validation ? labels.statuses[validation.status] : '' },
    { key: labels.cover.dates, value: datesOf(pkg) },
    { key: labels.cover.firstVisit, value: pkg.firstVisitOn ?? '' },
    { key: labels.cover.dueOn, value: validation?.dueOn ?? '' },
    { key: labels.cover.noticeSent, value: validation?.noticeSentOn ?? '' },
    { key: labels.cover.office, value: validation?.officeName ?? '' },
    { key: labels.cover.specialist, value: validation?.specialistName ?? '' },
    { key: labels.cover.catalog, value: extras.catalogVersion ?? '' },
    { key: labels.cover.generated, value: instant(extras.generatedAt) },
  ].filter((fact) => fact.value !== '');
}

// ---------------------------------------------------------------------------------------------
// 1. Cover letter

function peopleTable(people: readonly PackageParticipant[], { labels }: Words): DocumentBlock {
  return table(
    [
      { header: labels.people.name, weight: 3 },
      { header: labels.people.title, weight: 3 },
      { header: labels.people.email, weight: 4 },
      { header: labels.people.phone, weight: 2.4 },
    ],
    people.map((person) => [person.name, person.title, person.email ?? '', person.phone ?? '']),
    labels.letter.noContacts,
  );
}

function letterBlocks(pkg: PreparationPackage, words: Words): DocumentBlock[] {
  const { labels } = words;
  const validation = pkg.validation;
  const opening = !validation
    ? labels.letter.readiness(pkg.memberName)
    : validation.startsOn && validation.endsOn
      ? labels.letter.scheduled(
          labels.kinds[validation.kind],
          labels.modes[validation.mode],
          validation.startsOn,
          validation.endsOn,
        )
      : labels.letter.unscheduled(labels.kinds[validation.kind]);
  // With no CBP participant named, the assigned specialist is the CBP contact.
  const cbpContacts =
    pkg.cbpContacts.length === 0 && validation?.specialistName
      ? [
          {
            side: 'cbp' as const,
            name: validation.specialistName,
            title: labels.letter.specialistFallback,
            email: null,
            phone: null,
          },
        ]
      : pkg.cbpContacts;
  return [
    heading(1, labels.sections.letter),
    paragraph(labels.letter.greeting(pkg.memberName)),
    paragraph(opening),
    paragraph(labels.letter.contents),
    ...(validation ? [paragraph(labels.letter.joint)] : []),
    ...(validation
      ? [
          heading(2, labels.letter.cbpContacts),
          peopleTable(cbpContacts, words),
          heading(2, labels.letter.memberContacts),
          peopleTable(pkg.memberContacts, words),
        ]
      : []),
  ];
}

// ---------------------------------------------------------------------------------------------
// 2. Steps

function stepsBlocks(pkg: PreparationPackage, { labels, profile }: Words): DocumentBlock[] {
  const text = PREPARATION_TEXT[pkg.language];
  return [
    heading(1, labels.sections.steps),
    table(
      [
        { header: labels.steps.step, weight: 3 },
        { header: labels.steps.what, weight: 7 },
        { header: labels.steps.howLong, weight: 3.4 },
      ],
      pkg.steps.map((step, index) => {
        const duration = durationText(step, pkg.language);
        return [
          `${index + 1}. ${text.steps[step.id].title}`,
          text.steps[step.id].what,
          duration.provisional
            ? `${duration.text} (${profile.criterion.provisional})`
            : duration.text,
        ];
      }),
    ),
    paragraph(labels.steps.provisionalNote, 'muted'),
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. Agenda per site

function agendaBlocks(pkg: PreparationPackage, { labels }: Words): DocumentBlock[] {
  const blocks: DocumentBlock[] = [heading(1, labels.sections.agenda)];
  if (pkg.sites.length === 0) {
    return [...blocks, paragraph(labels.agenda.noSites, 'muted')];
  }
  pkg.sites.forEach((site, index) => {
    blocks.push(heading(2, labels.agenda.site(index + 1, site.name)));
    blocks.push(
      ...keyValues([
        { key: labels.agenda.address, value: site.address },
        { key: labels.agenda.country, value: site.countryCode },
        { key: labels.agenda.location, value: labels.locations[site.location] },
        { key: labels.agenda.visitOn, value: site.visitOn ?? labels.agenda.notSet },
      ]),
    );
    if (site.noCbpForeignVisit) {
      blocks.push(
        paragraph(
          site.mraProgramName
            ? labels.agenda.mraCovered(site.mraProgramName)
            : labels.agenda.noForeignVisit,
          'emphasis',
        ),
      );
    }
    blocks.push(
      table(
        [
          { header: labels.agenda.time, weight: 1.4 },
          { header: labels.agenda.topic, weight: 8 },
        ],
        site.agenda.map((item) => [item.time, item.topic]),
        labels.agenda.noAgenda,
      ),
    );
  });
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 4. Criteria with the current answers

function evidenceLine(document: PackageEvidence, { labels, profile }: Words): string {
  const expiry = document.expiresOn ? ` (${profile.evidence.expires}: ${document.expiresOn})` : '';
  const flag = document.flag ? ` – ${labels.flags[document.flag]}` : '';
  return `${document.title}${expiry}${flag}`;
}

function criterionBlocks(criterion: PackageCriterion, words: Words): DocumentBlock[] {
  const { labels } = words;
  return criterionAnswerBlocks(
    {
      id: criterion.id,
      designation: criterion.designation,
      provisional: criterion.provisional,
      text: criterion.text,
      status: criterion.answer?.status ?? null,
      answered: criterion.answer !== null,
      narrative: criterion.answer?.narrative ?? '',
    },
    words.profile,
    [
      {
        key: labels.criteria.evidence,
        value: criterion.evidence.map((document) => evidenceLine(document, words)).join('\n'),
      },
      {
        key: labels.criteria.askToSee,
        value: criterion.askToSeeFromCatalog
          ? `${criterion.askToSee} (${labels.criteria.fromCatalog})`
          : criterion.askToSee,
      },
      {
        key: words.profile.criterion.toReconfirm,
        value: criterion.answer?.toReconfirm ? words.profile.criterion.yes : '',
      },
    ],
  );
}

function criteriaBlocks(
  pkg: PreparationPackage,
  extras: PackageDocumentExtras,
  words: Words,
): DocumentBlock[] {
  const { labels } = words;
  const blocks: DocumentBlock[] = [];
  if (extras.readiness) {
    blocks.push(
      heading(1, labels.sections.readiness),
      readinessTable(extras.readiness.byCategory, extras.readiness.total, words.profile),
      PAGE_BREAK,
    );
  }
  blocks.push(heading(1, labels.sections.criteria), paragraph(labels.criteria.intro, 'muted'));
  if (!pkg.hasProfile) blocks.push(paragraph(labels.criteria.noProfile, 'emphasis'));
  for (const category of pkg.categories) {
    blocks.push(heading(2, `${category.category}. ${category.name}`));
    for (const criterion of category.criteria) blocks.push(...criterionBlocks(criterion, words));
  }
  return blocks;
}

function evidenceBlocks(
  pkg: PreparationPackage,
  extras: PackageDocumentExtras,
  words: Words,
): DocumentBlock[] {
  const entries = pkg.evidence.map((document): EvidenceIndexEntry & PackageEvidence => {
    const file = extras.evidenceFiles.get(document.evidenceId);
    return {
      ...document,
      filename: file?.filename ?? null,
      mediaType: file?.mediaType ?? null,
      sha256: file?.sha256 ?? null,
      deleted: file?.deleted ?? false,
      criteria: document.criterionIds,
    };
  });
  return [
    heading(1, words.labels.sections.evidence),
    paragraph(words.labels.evidence.intro, 'muted'),
    evidenceIndexTable(entries, words.profile, {
      header: words.labels.evidence.attention,
      of: (entry) => (entry.flag ? words.labels.flags[entry.flag] : ''),
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 5–7. Checklist, worksheet, open items

function checklistBlocks(pkg: PreparationPackage, { labels }: Words): DocumentBlock[] {
  return [
    heading(1, labels.sections.checklist),
    paragraph(labels.checklist.intro, 'muted'),
    table(
      [
        { header: labels.checklist.done, weight: 1.2 },
        { header: labels.checklist.item, weight: 9 },
        { header: labels.checklist.criteria, weight: 2.6 },
      ],
      pkg.checklist.map((item) => [CHECKBOX, item.text, item.criterionIds.join(', ')]),
    ),
  ];
}

function worksheetBlocks(pkg: PreparationPackage, { labels, profile }: Words): DocumentBlock[] {
  return [
    heading(1, labels.sections.worksheet),
    paragraph(labels.worksheet.intro, 'muted'),
    table(
      [
        { header: labels.worksheet.checked, weight: 1.4 },
        { header: labels.worksheet.criterion, weight: 2.4 },
        { header: labels.worksheet.answer, weight: 2.6 },
        { header: labels.worksheet.notes, weight: 7 },
      ],
      pkg.categories.flatMap((category) =>
        category.criteria.map((criterion) => [
          CHECKBOX,
          profile.criterion.heading(criterion.id, designationWord(criterion, profile)),
          answerStatusWord(criterion.answer?.status ?? null, profile),
          '',
        ]),
      ),
    ),
  ];
}

function openItemsBlocks(pkg: PreparationPackage, { labels, profile }: Words): DocumentBlock[] {
  const blocks: DocumentBlock[] = [heading(1, labels.sections.openItems)];
  if (!pkg.previous) {
    return [...blocks, paragraph(labels.openItems.noPrevious, 'muted')];
  }
  blocks.push(
    paragraph(
      labels.openItems.intro(
        pkg.previous.closedOn ?? '',
        pkg.previous.outcome ? labels.outcomes[pkg.previous.outcome] : '',
      ),
    ),
  );
  if (pkg.openItems.length === 0) {
    return [...blocks, paragraph(labels.openItems.none, 'muted')];
  }
  return [
    ...blocks,
    table(
      [
        { header: labels.openItems.criterion, weight: 1.6 },
        { header: labels.openItems.finding, weight: 2.4 },
        { header: labels.openItems.site, weight: 2.4 },
        { header: labels.openItems.notes, weight: 5 },
        { header: labels.openItems.response, weight: 2.4 },
        { header: labels.openItems.current, weight: 2.4 },
      ],
      pkg.openItems.map((item) => [
        item.criterionId,
        labels.openItems.ratings[item.rating],
        item.siteName ?? labels.openItems.wholeValidation,
        item.notes,
        labels.openItems.states[item.state],
        answerStatusWord(item.currentStatus, profile),
      ]),
    ),
  ];
}

/** The whole package, for the PDF and the Word file alike. */
export function packageDocument(
  pkg: PreparationPackage,
  extras: PackageDocumentExtras,
): DocumentModel {
  const words: Words = {
    labels: PACKAGE_LABELS[pkg.language],
    profile: PROFILE_EXPORT_LABELS[pkg.language],
  };
  const title = titleOf(pkg, words.labels);
  return {
    title: `${title} – ${pkg.memberName}`,
    language: pkg.language,
    subject: title,
    author: 'OpenCTPAT',
    pageLabel: words.profile.pageLabel,
    cover: {
      title,
      subtitle: pkg.memberName,
      facts: coverFacts(pkg, extras, words),
      note: pkg.kind === 'readiness' ? words.labels.cover.readinessNote : words.labels.cover.note,
    },
    blocks: [
      ...letterBlocks(pkg, words),
      ...stepsBlocks(pkg, words),
      ...agendaBlocks(pkg, words),
      PAGE_BREAK,
      ...criteriaBlocks(pkg, extras, words),
      PAGE_BREAK,
      ...evidenceBlocks(pkg, extras, words),
      ...checklistBlocks(pkg, words),
      PAGE_BREAK,
      ...worksheetBlocks(pkg, words),
      ...openItemsBlocks(pkg, words),
    ],
  };
}
