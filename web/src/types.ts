// The JSON shapes of the /api/v1 endpoints the UI reads (docs/api.md).

export interface ProductSummary {
  name: string;
  domain: string;
  owner: string;
  description: string;
  tags: string[];
  version: string | null;
  snapshot: number;
  updated_at: string;
  classification?: string;
}

export interface SearchHit {
  product: string;
  domain: string;
  description: string;
  score: number;
}

export interface VersionInfo {
  ref: string;
  version: string;
  snapshot: number;
  status: string;
  publisher: string;
  published_at: string;
  rows: number;
  bytes: number;
  completeness: number;
  lag_hours: number | null;
  output_format: string;
}

export interface ProductShow extends VersionInfo {
  name: string;
  domain: string;
  owner: string;
  description: string;
  tags: string[];
  readable_until: string | null;
  descriptor: string;
}

export interface ContractField {
  name: string;
  type: string;
  description: string;
  required: boolean;
  unique: boolean;
  allowed_values: Array<string | number | boolean>;
  min: string | number | null;
  max: string | number | null;
  pattern: string | null;
  classification: string;
  tags: string[];
  deprecated: boolean;
  primary_key: boolean;
  withheld: boolean;
  withheld_reason: string;
}

export interface Contract {
  name: string;
  domain: string;
  owner: string;
  description: string;
  schema_version: string;
  output_format: string;
  documentation_url: string | null;
  classification: string;
  tags: string[];
  consumer_teams: string[];
  lineage: string[];
  event_time: string | null;
  support: { channel?: string; email?: string; issues_url?: string } | null;
  sla: {
    availability: string;
    timezone: string;
    max_lag_hours: number | null;
    min_completeness: number | null;
  } | null;
  fields: ContractField[];
  quality: Array<Record<string, unknown> & { check: string; severity: string }>;
  can_read_data: boolean;
  read_denied_reason: string;
  quality_report: QualityReport | null;
}

export interface QualityCheckResult {
  severity: string;
  passed: boolean;
  kind: string;
  detail: string;
  [key: string]: unknown;
}

export interface QualityReport {
  rows: number;
  now: string;
  verdict: 'passed' | 'failed';
  checks: Record<string, QualityCheckResult>;
  sla?: { completeness: number; lag_hours_if_published_now: number | null };
}

export interface LineageNode {
  name: string;
  kind: 'product' | 'source';
  depth: number;
  path: string[];
}

export interface LineageAnswer {
  node: string;
  direction: string;
  nodes: LineageNode[];
  teams?: Array<{ team: string; product: string; path: string[] }>;
}

export interface Finding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

// GET /api/v1/usage: `mesh usage report --json` (docs/usage.md). Quantities that must not pass
// through binary floating point are decimal strings.
export interface UsageCharge {
  storage: string;
  reads: string;
  checks: string;
  total: string;
}

export interface UsageRow {
  name: string;
  storage_gb_months: string;
  storage_byte_days: string;
  check_cpu_hours: string;
  check_seconds: string;
  reads: number;
  read_bytes: number;
  charge: UsageCharge | null; // null without a prices file
}

export interface UsageReport {
  from: string;
  to: string;
  by: 'domain' | 'team';
  measured_until: string;
  prices: { file: string; currency: string; decimals: number } | null;
  rows: UsageRow[];
  total: UsageRow;
  warnings: string[];
}

// GET /api/v1/maturity: `mesh maturity --json`.
export interface MaturityCriterion {
  id: string;
  description: string;
  value: number;
  threshold: number;
  met: boolean;
  evidence: string;
}

export interface MaturityVerdict {
  phase: number;
  name: string;
  measured_at: string;
  window_days: number;
  phases: Array<{ phase: number; name: string; reached: boolean; criteria: MaturityCriterion[] }>;
  next: { phase: number; name: string; for: MaturityCriterion[]; against: MaturityCriterion[] } | null;
}

// GET /api/v1/doctor: `mesh doctor --json`.
export interface DoctorFinding {
  kind: string;
  subject: string; // a domain (failure_rate_rising) or a product
  evidence: string;
  action: string;
  measures: Record<string, number>;
}

export interface DoctorAnswer {
  measured_at: string;
  window_days: number;
  findings: DoctorFinding[];
  warnings: string[];
}
