import { Country } from '../../domain/enums';
import { municipalityCodeProblem, regionCodeProblem } from '../../domain/region-codes';

describe('region codes', () => {
  it('accepts Swedish county codes and Åland as a Finnish region', () => {
    expect(regionCodeProblem(Country.SE, '20')).toBeNull();
    expect(regionCodeProblem(Country.SE, '19')).toBeNull();
    expect(regionCodeProblem(Country.FI, '21')).toBeNull();
  });

  it('refuses codes that are not 2 digits or not in use', () => {
    expect(regionCodeProblem(Country.SE, '2')).toMatch(/2 digits/);
    expect(regionCodeProblem(Country.SE, '200')).toMatch(/2 digits/);
    expect(regionCodeProblem(Country.SE, '02')).toMatch(/not a Swedish county/);
    expect(regionCodeProblem(Country.SE, '26')).toMatch(/not a Swedish county/);
    expect(regionCodeProblem(Country.FI, '03')).toMatch(/not a Finnish region/);
  });
});

describe('municipality codes', () => {
  it('accepts a Swedish code that starts with its county code', () => {
    expect(municipalityCodeProblem(Country.SE, '20', '2062')).toBeNull();
    expect(municipalityCodeProblem(Country.SE, '19', '1980')).toBeNull();
  });

  it('refuses a Swedish code of another county, of the wrong length or ending in 00', () => {
    expect(municipalityCodeProblem(Country.SE, '20', '1980')).toMatch(/starts with 20/);
    expect(municipalityCodeProblem(Country.SE, '20', '206')).toMatch(/4 digits/);
    expect(municipalityCodeProblem(Country.SE, '20', '20a2')).toMatch(/4 digits/);
    expect(municipalityCodeProblem(Country.SE, '20', '2000')).toMatch(/00/);
  });

  it('takes 3-digit Finnish codes such as Mariehamn 478', () => {
    expect(municipalityCodeProblem(Country.FI, '21', '478')).toBeNull();
    expect(municipalityCodeProblem(Country.FI, '21', '2062')).toMatch(/3 digits/);
  });
});
