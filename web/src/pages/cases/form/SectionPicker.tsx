import { MultiSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegalSection } from '../../../api/types';

const ACT_ORDER = ['BNS', 'IPC', 'ITPA', 'JJ', 'POCSO', 'BLSA', 'CALPA', 'PCMA', 'THOTA'] as const;

/** "IPC 370" from "IPC-370". */
export const sectionName = (code: string) => code.replace('-', ' ');

/**
 * Legal sections, searchable by act, number or words of the title (in English or Hindi); an IPC section
 * says which BNS section replaced it, since cases registered before July 2024 cite the IPC.
 */
export function SectionPicker({
  sections,
  value,
  onChange,
  error,
  failed,
}: {
  sections: LegalSection[] | undefined;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  failed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const hindi = i18n.language === 'hi';
  const byCode = new Map((sections ?? []).map((s) => [s.code, s]));
  const groups = ACT_ORDER.map((act) => ({
    group: t(`acts.${act}`),
    items: (sections ?? [])
      .filter((s) => s.act === act)
      .map((s) => ({
        value: s.code,
        label: `${sectionName(s.code)} · ${hindi && s.titleHi ? s.titleHi : s.title}${
          s.replacedBy ? ` (${t('caseForm.nowSection', { code: sectionName(s.replacedBy) })})` : ''
        }`,
      })),
  })).filter((group) => group.items.length > 0);
  const replaced = value
    .map((code) => byCode.get(code))
    .filter((s): s is LegalSection => !!s?.replacedBy && !value.includes(s.replacedBy));

  return (
    <div>
      <MultiSelect
        label={t('caseForm.sections')}
        description={failed ? t('caseForm.codesUnavailable') : t('caseForm.sectionsHint')}
        placeholder={value.length === 0 ? t('caseForm.sectionsPlaceholder') : undefined}
        data={groups}
        value={value}
        onChange={onChange}
        searchable
        clearable
        hidePickedOptions
        maxValues={30}
        nothingFoundMessage={t('caseForm.sectionNothing')}
        error={error}
        comboboxProps={{ withinPortal: true }}
        clearButtonProps={{ 'aria-label': t('caseForm.clearSections') }}
      />
      {replaced.length > 0 ? (
        <Text size="xs" c="dimmed" mt={4} aria-live="polite">
          {replaced
            .map((s) =>
              t('caseForm.replacedHint', { old: sectionName(s.code), new: sectionName(s.replacedBy ?? '') }),
            )
            .join(' ')}
        </Text>
      ) : null}
    </div>
  );
}
