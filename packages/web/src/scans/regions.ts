/*
 * The commercial regions the engine accepts (KNOWN_REGIONS in @cloudsweep/engine; the web may
 * import only the contract). "All regions" asks the account itself, so newer regions still scan.
 */
export const AWS_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
  'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];

const NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'N. Virginia', 'us-east-2': 'Ohio', 'us-west-1': 'N. California', 'us-west-2': 'Oregon',
  'eu-west-1': 'Ireland', 'eu-west-2': 'London', 'eu-west-3': 'Paris', 'eu-central-1': 'Frankfurt',
  'eu-central-2': 'Zurich', 'eu-north-1': 'Stockholm', 'eu-south-1': 'Milan', 'eu-south-2': 'Spain',
  'ap-northeast-1': 'Tokyo', 'ap-northeast-2': 'Seoul', 'ap-northeast-3': 'Osaka', 'ap-south-1': 'Mumbai',
  'ap-south-2': 'Hyderabad', 'ap-southeast-1': 'Singapore', 'ap-southeast-2': 'Sydney', 'ap-southeast-3': 'Jakarta',
  'ap-southeast-4': 'Melbourne', 'ap-southeast-5': 'Malaysia', 'ap-southeast-6': 'New Zealand', 'ap-southeast-7': 'Thailand',
  'ap-east-1': 'Hong Kong', 'ap-east-2': 'Taipei', 'ca-central-1': 'Canada Central', 'ca-west-1': 'Calgary',
  'sa-east-1': 'São Paulo', 'af-south-1': 'Cape Town', 'me-south-1': 'Bahrain', 'me-central-1': 'UAE',
  'il-central-1': 'Tel Aviv', 'mx-central-1': 'Mexico Central',
};

export function regionLabel(region: string): string {
  const name = NAMES[region];
  return name ? `${region} (${name})` : region;
}
