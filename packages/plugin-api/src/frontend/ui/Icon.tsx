import {
  Activity,
  BookOpen,
  Boxes,
  Braces,
  ChartColumn,
  ChevronDown,
  Circle,
  Code,
  Copy,
  Database,
  ExternalLink,
  FileText,
  GitBranch,
  House,
  KeyRound,
  LayoutGrid,
  LogOut,
  type LucideIcon,
  Monitor,
  Moon,
  Network,
  Plug,
  Rocket,
  Search,
  Server,
  Settings,
  Shield,
  Star,
  Sun,
  TriangleAlert,
  User,
  Users,
  Wrench,
  X,
} from 'lucide-react';

const icons = {
  activity: Activity,
  alert: TriangleAlert,
  api: Braces,
  book: BookOpen,
  catalog: LayoutGrid,
  chart: ChartColumn,
  'chevron-down': ChevronDown,
  close: X,
  code: Code,
  copy: Copy,
  database: Database,
  domain: Network,
  external: ExternalLink,
  file: FileText,
  git: GitBranch,
  home: House,
  key: KeyRound,
  logout: LogOut,
  monitor: Monitor,
  moon: Moon,
  plugin: Plug,
  rocket: Rocket,
  search: Search,
  server: Server,
  settings: Settings,
  shield: Shield,
  star: Star,
  sun: Sun,
  system: Boxes,
  tool: Wrench,
  user: User,
  users: Users,
} satisfies Record<string, LucideIcon>;

/** The icon names a manifest's `pages[].icon` and the kit's components accept. */
export type IconName = keyof typeof icons;

/** Every icon name, for docs and for validating manifests. */
export const iconNames = Object.keys(icons) as IconName[];

/** Props of {@link Icon}. */
export interface IconProps {
  /** An {@link IconName}; an unknown name (e.g. from an older manifest) draws a neutral dot. */
  name: string;
  size?: number;
  /** Accessible name; without one the icon is decorative and hidden from assistive technology. */
  label?: string;
  className?: string;
}

/**
 * Draws one of the kit's icons by name.
 *
 * @example
 * <Icon name="catalog" />
 */
export function Icon({ name, size = 18, label, className }: IconProps) {
  const Glyph = (icons as Record<string, LucideIcon>)[name] ?? Circle;
  return (
    <Glyph
      size={size}
      className={className ? `atrium-icon ${className}` : 'atrium-icon'}
      strokeWidth={1.75}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
      focusable="false"
    />
  );
}
