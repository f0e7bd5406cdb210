// The language switch: Chinese by default, the choice remembered per machine.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translator, type Language, type Translator } from './dictionary.ts';

const STORAGE_KEY = 'hall.language';

interface LanguageContextValue extends Translator {
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const value = useMemo<LanguageContextValue>(
    () => ({
      ...translator(language),
      setLanguage(next) {
        localStorage.setItem(STORAGE_KEY, next);
        setLanguage(next);
      },
    }),
    [language],
  );
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}
