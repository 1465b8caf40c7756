import { useTranslation } from 'react-i18next';
import { SubNav } from './SubNav';

export function AhtuNav() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t('capacity.ahtu.navLabel')}
      links={[
        { to: '/capacity/ahtus', label: t('capacity.ahtu.registry') },
        { to: '/capacity/ahtus/scorecards', label: t('capacity.ahtu.scorecards') },
      ]}
    />
  );
}

export function TrainingNav() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t('capacity.training.navLabel')}
      links={[
        { to: '/capacity/training', label: t('capacity.training.sessions') },
        { to: '/capacity/training/participants', label: t('capacity.training.participants') },
        { to: '/capacity/training/due', label: t('capacity.training.due') },
        { to: '/capacity/training/coverage', label: t('capacity.training.coverage') },
      ]}
    />
  );
}
