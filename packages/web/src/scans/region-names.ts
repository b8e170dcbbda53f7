/*
 * Display names only: the list of regions comes from GET /api/regions (the engine's). A region
 * missing here still shows, by its code.
 */
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
