import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';

/** EN | हिंदी: two toggle buttons; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const active = i18n.language === 'hi' ? 'hi' : 'en';
  const choose = (language: Language) => {
    if (language === currentLanguage()) return;
    setLanguage(language).catch(() => undefined);
  };
  const options: { language: Language; label: string; name: string }[] = [
    { language: 'en', label: t('language.en'), name: t('language.enName') },
    { language: 'hi', label: t('language.hi'), name: t('language.hiName') },
  ];
  return (
    <Group gap={0} role="group" aria-label={t('language.label')} wrap="nowrap">
      {options.map((option, index) => (
        <Button
          key={option.language}
          size="compact-sm"
          variant={active === option.language ? 'filled' : 'default'}
          aria-pressed={active === option.language}
          aria-label={option.name}
          lang={option.language}
          onClick={() => choose(option.language)}
          style={
            index === 0
              ? { borderStartEndRadius: 0, borderEndEndRadius: 0 }
              : { borderStartStartRadius: 0, borderEndStartRadius: 0 }
          }
        >
          {option.label}
        </Button>
      ))}
    </Group>
  );
}
