import Testing
@testable import SordCore

/// Golden tests of the text layout of every product (fixed dates, fixed tracking number).
@Suite("Transcript text layout (golden)")
struct TranscriptGoldenTests {
    typealias F = TranscriptFixtures

    @Test("Individual account transcript, with a customer file number") func account() {
        #expect(F.text(F.item(customerFileNumber: "1234567890"), records: F.ralphRecords()) == Self.account + "\n")
    }

    @Test("Record of account") func recordOfAccount() {
        #expect(F.text(F.item(product: .recordOfAccount), records: F.ralphRecords()) == Self.recordOfAccount + "\n")
    }

    @Test("Tax return transcript") func taxReturn() {
        #expect(F.text(F.item(product: .return), records: F.ralphRecords()) == Self.taxReturn + "\n")
    }

    @Test("Wage & income, masked") func wageAndIncomeMasked() {
        #expect(F.text(F.item(product: .wageAndIncome), records: F.ralphRecords()) == Self.wageAndIncomeMasked + "\n")
    }

    @Test("Wage & income, unmasked") func wageAndIncomeUnmasked() {
        #expect(F.text(F.item(product: .wageAndIncome, unmasked: true), records: F.ralphRecords()) == Self.wageAndIncomeUnmasked + "\n")
    }

    @Test("Verification of non-filing") func verificationOfNonFiling() {
        #expect(F.text(F.item(product: .verificationOfNonFiling, period: "2023"), records: F.ralphRecords(F.ralph2023)) == Self.verificationOfNonFiling + "\n")
    }

    @Test("Business entity transcript") func businessEntity() {
        #expect(F.text(F.item(tin: "12-3456789", nameControl: "WILL", product: .entity, form: "1120", period: "2023-12"), records: F.willowRecords()) == Self.businessEntity + "\n")
    }

    @Test("Business account transcript") func businessAccount() {
        #expect(F.text(F.item(tin: "12-3456789", nameControl: "WILL", product: .account, form: "1120", period: "2023-12"), records: F.willowRecords()) == Self.businessAccount + "\n")
    }

    static let account = """
        This Product Contains Sensitive Taxpayer Data

                                       Account Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001
        Customer File Number:                   1234567890

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2024

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        RALP TEAK
        12 ALD
        SALEM, OR 97301

        --- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---

        ACCOUNT BALANCE:                              -$900.00
        ACCRUED INTEREST:                                $0.00   AS OF: 06-02-2025
        ACCRUED PENALTY:                                $12.34   AS OF: 06-02-2025

        ACCOUNT BALANCE PLUS ACCRUALS
        (this is not a payoff amount):                -$887.66

        ** INFORMATION FROM THE RETURN OR AS ADJUSTED **

        FILING STATUS:                          SINGLE
        EXEMPTIONS:                             01
        ADJUSTED GROSS INCOME:                      $52,000.00
        TAXABLE INCOME:                             $37,400.00
        TAX PER RETURN:                              $4,200.00
        SE TAXABLE INCOME:                               $0.00
        SE TAX:                                          $0.00
        RETURN DUE DATE:                        04-15-2025
        RETURN RECEIVED DATE:                   04-10-2025
        PROCESSING DATE:                        04-28-2025

        TRANSACTIONS

        CODE  EXPLANATION OF TRANSACTION                        CYCLE     DATE                AMOUNT
        806   Credit for withheld taxes                                   04-15-2025      -$5,100.00
        150   Tax return filed                                  20251605  04-28-2025       $4,200.00
        846   Refund issued                                     20251805  05-12-2025         $900.00
        999   Other transaction                                           05-20-2025           $0.00

        This Product Contains Sensitive Taxpayer Data
        """

    static let recordOfAccount = """
        This Product Contains Sensitive Taxpayer Data

                                  Record of Account Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2024

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        RALP TEAK
        12 ALD
        SALEM, OR 97301

        ** INFORMATION FROM THE RETURN OR AS ADJUSTED **

        FILING STATUS:                          SINGLE
        EXEMPTIONS:                             01
        ADJUSTED GROSS INCOME:                      $52,000.00
        TAXABLE INCOME:                             $37,400.00
        TAX PER RETURN:                              $4,200.00
        SE TAXABLE INCOME:                               $0.00
        SE TAX:                                          $0.00
        RETURN DUE DATE:                        04-15-2025
        RETURN RECEIVED DATE:                   04-10-2025
        PROCESSING DATE:                        04-28-2025

        --- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---

        ACCOUNT BALANCE:                              -$900.00
        ACCRUED INTEREST:                                $0.00   AS OF: 06-02-2025
        ACCRUED PENALTY:                                $12.34   AS OF: 06-02-2025

        ACCOUNT BALANCE PLUS ACCRUALS
        (this is not a payoff amount):                -$887.66

        TRANSACTIONS

        CODE  EXPLANATION OF TRANSACTION                        CYCLE     DATE                AMOUNT
        806   Credit for withheld taxes                                   04-15-2025      -$5,100.00
        150   Tax return filed                                  20251605  04-28-2025       $4,200.00
        846   Refund issued                                     20251805  05-12-2025         $900.00
        999   Other transaction                                           05-20-2025           $0.00

        This Product Contains Sensitive Taxpayer Data
        """

    static let taxReturn = """
        This Product Contains Sensitive Taxpayer Data

                                     Tax Return Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2024

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        RALP TEAK
        12 ALD
        SALEM, OR 97301

        ** INFORMATION FROM THE RETURN OR AS ADJUSTED **

        FILING STATUS:                          SINGLE
        EXEMPTIONS:                             01
        ADJUSTED GROSS INCOME:                      $52,000.00
        TAXABLE INCOME:                             $37,400.00
        TAX PER RETURN:                              $4,200.00
        SE TAXABLE INCOME:                               $0.00
        SE TAX:                                          $0.00
        RETURN DUE DATE:                        04-15-2025
        RETURN RECEIVED DATE:                   04-10-2025
        PROCESSING DATE:                        04-28-2025

        This Product Contains Sensitive Taxpayer Data
        """

    static let wageAndIncomeMasked = """
        This Product Contains Sensitive Taxpayer Data

                                   Wage and Income Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2024

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        RALP TEAK
        12 ALD
        SALEM, OR 97301

        Form W-2 Wage and Tax Statement

        Employer:
        Employer Identification Number (EIN):   XX-XXX4567
        ACME
        1 INDU
        EUGENE, OR 97401

        Wages, Tips and Other Compensation:         $52,000.00
        Federal Income Tax Withheld:                 $5,100.00

        Form 1099-INT Interest Income

        Payer:
        Payer's Federal Identification Number (FIN): XX-XXX4321
        FIRS
        Account Number:                         XXXXX4321

        Interest:                                    $1,234.56

        This Product Contains Sensitive Taxpayer Data
        """

    static let wageAndIncomeUnmasked = """
        This Product Contains Sensitive Taxpayer Data

                                   Wage and Income Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2024

        TAXPAYER IDENTIFICATION NUMBER:         400-01-2345
        RALPH TEAKWOOD
        12 ALDER STREET
        SALEM, OR 97301

        Form W-2 Wage and Tax Statement

        Employer:
        Employer Identification Number (EIN):   20-1234567
        ACME CORP
        1 INDUSTRIAL PKWY
        EUGENE, OR 97401

        Wages, Tips and Other Compensation:         $52,000.00
        Federal Income Tax Withheld:                 $5,100.00

        Form 1099-INT Interest Income

        Payer:
        Payer's Federal Identification Number (FIN): 30-7654321
        FIRST CEDAR BANK
        Account Number:                         987654321

        Interest:                                    $1,234.56

        This Product Contains Sensitive Taxpayer Data
        """

    static let verificationOfNonFiling = """
        This Product Contains Sensitive Taxpayer Data

                               Verification of Non-filing Letter

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1040
        TAX PERIOD:                             Dec. 31, 2023

        TAXPAYER IDENTIFICATION NUMBER:         XXX-XX-2345
        RALP TEAK
        12 ALD
        SALEM, OR 97301

        AS OF:                                  06-02-2025

        The IRS has no record of a processed Form 1040 tax return for this tax period as
        of the response date. This letter does not say whether the taxpayer was required
        to file a return.

        This Product Contains Sensitive Taxpayer Data
        """

    static let businessEntity = """
        This Product Contains Sensitive Taxpayer Data

                                       Entity Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1120
        TAX PERIOD:                             Dec. 31, 2023

        TAXPAYER IDENTIFICATION NUMBER:         XX-XXX6789
        THE
        500 HA
        PORTLAND, OR 97201

        ENTITY TYPE:                            BUSINESS

        TAX MODULES ON FILE

        FORM        TAX PERIOD      RETURN FILED
        941         2022-06                   NO
        1120        2023-12                  YES

        This Product Contains Sensitive Taxpayer Data
        """

    static let businessAccount = """
        This Product Contains Sensitive Taxpayer Data

                                       Account Transcript

        Request Date:                           06-01-2025
        Response Date:                          06-02-2025
        Tracking Number:                        01JX5Q2M7K8C9D0E1F2G3H4J5K-0001

        FORM NUMBER:                            1120
        TAX PERIOD:                             Dec. 31, 2023

        TAXPAYER IDENTIFICATION NUMBER:         XX-XXX6789
        THE
        500 HA
        PORTLAND, OR 97201

        --- ANY MINUS SIGN SHOWN BELOW SIGNIFIES A CREDIT AMOUNT ---

        ACCOUNT BALANCE:                             $1,500.00
        ACCRUED INTEREST:                               $45.10   AS OF: 06-02-2025
        ACCRUED PENALTY:                                $75.00   AS OF: 06-02-2025

        ACCOUNT BALANCE PLUS ACCRUALS
        (this is not a payoff amount):               $1,620.10

        ** INFORMATION FROM THE RETURN OR AS ADJUSTED **

        TAXABLE INCOME:                          $1,250,000.00
        TAX PER RETURN:                            $262,500.00
        RETURN RECEIVED DATE:                   03-20-2024
        PROCESSING DATE:                        04-08-2024

        TRANSACTIONS

        CODE  EXPLANATION OF TRANSACTION                        CYCLE     DATE                AMOUNT
        670   Payment                                                     03-15-2024    -$261,000.00
        150   Tax return filed                                  20241405  04-08-2024     $262,500.00
        276   Penalty for late payment of tax                   20241405  04-08-2024          $75.00

        This Product Contains Sensitive Taxpayer Data
        """
}
