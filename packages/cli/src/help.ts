import { DEFAULT_CONCURRENCY } from '@cloudsweep/engine';
import { DEFAULT_DEADLINE_MS } from './args/scan-args.js';

export const MAIN_HELP = `cloudsweep — find security risks and wasted money in an AWS account

Usage:
  cloudsweep scan [flags]       Scan an account and report findings
  cloudsweep checks [--format]  List the checks in the catalogue
  cloudsweep policy [--checks]  Print the least-privilege IAM policy a scan needs
  cloudsweep --version          Print the version
  cloudsweep <command> --help   Help for one command

Exit codes:
  0    the scan finished (findings below --fail-on, or no --fail-on given)
  1    a finding at or above --fail-on severity (even in a scan that did not finish)
  2    bad usage: unknown flag, region, check or format; malformed value
  3    the scan could not run (credentials, access denied, network), or did not finish
       before its deadline (--timeout): what was found so far is reported, marked incomplete
  130  interrupted (Ctrl-C): what was found so far is printed, marked incomplete
`;

export const SCAN_HELP = `Usage: cloudsweep scan [flags]

Scans one AWS account with read-only calls and streams the results.

Scope:
  --regions a,b|all       Regions to scan (default: all regions enabled in the account)
  --checks ids            Check ids or service names, comma-separated (default: every check)

Credentials (default: the AWS default chain — env vars, ~/.aws, SSO, instance role):
  --profile P             Use profile P from ~/.aws/config
  --role-arn ARN          Assume this role (arn:aws:iam::123456789012:role/name) from the default chain
  --external-id X         External id for --role-arn
  --endpoint-url URL      Send every call to URL (moto, a simulator, a proxy); env AWS_ENDPOINT_URL

Output:
  --format F              table (default), json, csv or sarif
  --output FILE           Write the report to FILE (atomically) and a one-line summary to stderr
  --fail-on SEVERITY      critical, high, medium, low, info or none (default: none).
                          Exit 1 when a failed result is at or above SEVERITY.
                          Unknown results (could not be checked) never trigger --fail-on;
                          they are listed with the permission they need.
                          A scan that did not finish exits 3 unless a finding exits 1.
  --quiet                 No progress on stderr

Pacing (the scanner never throttles your production workloads):
  --concurrency N         Calls in flight across the scan (default: ${DEFAULT_CONCURRENCY.global};
                          at most ${DEFAULT_CONCURRENCY.perRegionService} per region and service)
  --rate-share F          Share of each AWS API rate limit to use, 0 < F <= 1 (default: ${DEFAULT_CONCURRENCY.rateShare};
                          0.5 leaves half the headroom to production traffic)
  --timeout SECONDS       Scan deadline (default: ${DEFAULT_DEADLINE_MS / 1000}). When reached, the results so far
                          are reported, marked incomplete, and the exit code is 3

Examples:
  cloudsweep scan --regions eu-west-1,us-east-1
  cloudsweep scan --checks s3,iam --format sarif --output cloudsweep.sarif --fail-on high
  cloudsweep scan --profile audit --role-arn arn:aws:iam::123456789012:role/cloudsweep --external-id x1
  cloudsweep scan --format json --quiet | jq '.results[] | select(.status == "fail")'
`;

export const CHECKS_HELP = `Usage: cloudsweep checks [--format table|json|csv]

Lists every check: id, severity, kind, title (json adds description, remediation,
compliance ids and the IAM actions its collectors need).
`;

export const POLICY_HELP = `Usage: cloudsweep policy [--checks ids]

Prints the read-only IAM policy (JSON) a scan needs: exactly the actions the collectors of
the chosen checks declare, plus sts:GetCallerIdentity and ec2:DescribeRegions.
`;
