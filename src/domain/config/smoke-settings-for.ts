import { DEFAULT_SMOKE_SCRIPT } from './default-config';
import type { ReleaseConfig, SmokeScriptConfig } from './release-config';

/** The smoke settings of one console script: its `[tool.pyrelease.smoke.<script>]`, or the defaults. */
export function smokeSettingsFor(config: ReleaseConfig, script: string): SmokeScriptConfig {
  return Object.hasOwn(config.smoke, script) ? (config.smoke[script] ?? DEFAULT_SMOKE_SCRIPT) : DEFAULT_SMOKE_SCRIPT;
}
