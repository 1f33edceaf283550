<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Alipay</name>
    <message>
        <source>The answer from Alipay could not be verified and was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay order is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlipayChannel</name>
    <message>
        <source>Alipay refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from Alipay could not be verified; the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from Alipay is for another order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay reports a different amount than the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay does not know this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay does not know this refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from Alipay is for another refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Audit row %1 was modified after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rows before row %1 were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rows between row %1 and row %2 were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit row %1 does not follow row %2: a row was inserted or replaced there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit row %1, the end of the log at an earlier check, is gone: rows were deleted from the end (the log now ends at row %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit row %1 is not the row recorded at an earlier check: the log was rewritten up to there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildingType</name>
    <message>
        <source>Multi-storey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High-rise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelConfig</name>
    <message>
        <source>The payment channel settings are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key file of the payment channels cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 can be read by other users. Allow only its owner to read it (chmod 600) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment channel settings file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfileDialog</name>
    <message>
        <source>Database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service hall&apos;s shared database server. The password is used for this connection only and is never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name on the server&apos;s certificate, e.g. db.fund.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved; empty: PGPASSWORD or ~/.pgpass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA that signed the server&apos;s certificate (sslrootcert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterApp</name>
    <message>
        <source>Fund Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1

To create the demo database, run scripts/demo, or ask the administrator to run:
fundctl --db &quot;%2&quot; init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be brought up to date:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished payment(s) of this counter were checked with the payment channels.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The counter does not start: its receipt issuer settings cannot be used, and it never issues receipts with the built-in demo issuer instead.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditCode</name>
    <message>
        <source>Enter the unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters, but %1 were entered; check the code on the business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code contains %1, which never appears in a unified social credit code (the letters I, O, S, V and Z are not used); check the code on the business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character should be %1; check the code on the business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation code inside this credit code (characters 9 to 17) does not pass its own check; compare the code with the business licence before continuing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>The payment key could not be read. Please check the payment channel settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private key is configured for this payment channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public key is configured for this payment channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted message has no nonce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment channel&apos;s answer failed the signature check and was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An encrypted message from the payment channel could not be decrypted; it was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DailyCloseReport</name>
    <message>
        <source>The daily close report cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily close report could not be saved as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database server %1 presented a certificate that the certificate authority file %2 does not vouch for, so the connection was refused. Ask the administrator for the right CA file (sslrootcert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server&apos;s certificate is not issued for the name %1, so the connection was refused. Use the host name written on the server&apos;s certificate in the database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server %1 does not accept encrypted (TLS) connections, but the database address requires one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server %1 refused the user &quot;%2&quot;: check the user name, the password and the server&apos;s access rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; does not exist on the server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server %1 is restarting. Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the database server %1: check that the server is running and the address, user and password are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database address is not valid. Use postgresql://user@host:port/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown database option &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown sslmode &quot;%1&quot;: use disable, prefer, require, verify-ca or verify-full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate authority file %1 does not exist, so the database server cannot be verified (sslmode=%2). Copy the server&apos;s CA certificate there, or correct sslrootcert in the database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be read: check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 does not exist. Check the path, or create it with &quot;fundctl --db %1 init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database: check that it is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not writable, so the database cannot be created there. Choose another folder or fix its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Fund Counter database (or it is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another counter is saving at the same moment. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records in the ledger and the audit log cannot be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only: check the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Fund Counter database (or it is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the operation. Nothing was saved; please tell the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached at the moment. Nothing was saved; please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database server was lost while saving. Please check whether the change was saved before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database did not return the new record&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database server was lost while saving. Please try again: if the first attempt was saved, the program will say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database migration is missing from the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded. Nothing was changed; please tell the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was created by a newer version of Fund Counter (schema %1; this program knows %2). Please update the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing was saved. Stop using this counter and ask the administrator to restore the last backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCityBuilder</name>
    <message>
        <source>The list of Beijing&apos;s districts and streets is missing from the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of Beijing&apos;s districts and streets is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deposit standard is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo city needs at least one house.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo city can have at most 20,000,000 houses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no tables yet: run &quot;fundctl init&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has %1 houses. The demo city is only built into an empty database: use a new file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepositKind</name>
    <message>
        <source>First deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary deposit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepositService</name>
    <message>
        <source>Enter the business serial number (业务流水号) printed on the payment notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit has the serial number %1. Check the number on the payment notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the owner&apos;s name (业主名称) as on the payment notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner&apos;s name does not match serial number %1. Check the name on the payment notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deposit has a fixed amount of %1 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be between %1 and %2 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is less than the amount due (%2 yuan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deposit request no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 is already paid: collected at counter %2 by %3 at %4. Do not collect it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 is already paid. Do not collect it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 was cancelled and cannot be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 was just paid at another counter. Do not collect it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is more than 10,000 yuan above the amount due (%2 yuan). Check the amount tendered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundTab</name>
    <message>
        <source>Find a house first: the fund details of the house being served appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First deposit (首期交存)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal (本金)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest (利息)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total balance (余额)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance is below 30 % of the first deposit: a renewal deposit (续交) is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund details (资金明细): principal and interest are kept apart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseService</name>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseType</name>
    <message>
        <source>Commodity housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold public housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affordable housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HousesTab</name>
    <message>
        <source>Identify resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID number (身份证号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, as on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact address (精确查询)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;address (坐落):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 北京市东城区…号楼…单元…室</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District → room (模糊查询)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District (区县)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estate (小区)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building (楼幢)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit (单元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room (室号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Part of an address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any part: estate, street, building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add house (个人造册)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick deposit (快速交存)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ve this house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to find the house: by the resident&apos;s ID card, the address, the contract, the certificate or a receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract no. + house type (网签合同编号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate no. (不动产权证号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt code + number (票据代码 + 票据号码)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contract no. (网签合同编号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. BJ2015-0123456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate no. (不动产权证号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 京(2021)朝阳区不动产权第0004549号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;code (票据代码):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt &amp;number (票据号码):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open 个人造册 with this resident&apos;s name and ID number filled in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>The number starts with an unknown region (%1); check the first digits on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is not a real date; check the number on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is in the future; check the number on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An 18-character ID number has 17 digits followed by a digit or X; check the number on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character should be %1; check the number on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 15-character ID number is either 15 digits (old resident ID) or three letters and 12 digits (old permanent residence ID); check the number on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters (old ones 15), but %1 were entered; check the number on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>Cannot read the file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text. Save it as CSV in UTF-8 (or GB18030) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quoted field that starts on this line is never closed (a &quot; is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;. The columns are listed in docs/import-formats.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; (%2) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line has %1 fields but the header has %2 columns. A value with a comma must be in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header line but no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ID kind &quot;%1&quot;: use resident_id (居民身份证), legacy_resident_id, hk_mo_tw, foreign_permanent, credit_code or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid ID number; if it is another kind of document, fill in id_kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid ID number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid unified social credit code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number must have 1 to 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is not a valid %1 number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value: this column is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown district &quot;%1&quot;: use the 6-digit code (e.g. 110105) or the name (朝阳区).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No street &quot;%1&quot; in this district: use the 9-digit street code or its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a floor: a whole number from -10 to 200, not 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most 300 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an area: square metres with at most two decimals, e.g. 89.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown house type &quot;%1&quot;: use commodity (商品住宅), public_sold (售后公房), affordable (经济适用房) or non_residential (非住宅).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown building type &quot;%1&quot;: use multi_storey (多层) or high_rise (高层).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same house as on line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 gives this building another type (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estate &quot;%1&quot; is new: give its street (街道) so it can be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The building &quot;%1&quot; is already registered as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import could not link a house to its building; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house is named by an address (坐落) or a certificate_no (不动产权证号) column; the file has neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the house by its address (坐落) or its certificate number (不动产权证号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: 7 to 15 digits, spaces and dashes allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: write it as 2024-05-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 gives another name for the same ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house has this address. Import the house first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house at this address has another certificate number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house has this certificate number. Import the house first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 houses have this certificate number: name the house by its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person with this ID number is already registered under another name. Correct the name, or change the person&apos;s record at the counter first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same owner of the same house as on line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import could not link an owner to the new person record; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident ID card (居民身份证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15-digit resident ID card (15位身份证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong, Macao and Taiwan residence permit (港澳台居民居住证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign permanent resident ID card (外国人永久居留身份证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is not a valid %1 number: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterestService</name>
    <message>
        <source>The interest rate must be more than 0 % and at most 100 % a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a year interest can be credited for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year %1 is not over yet: its interest can be credited from %2 on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interest for %1 was already credited on %2 by %3 at %4 a year. It is credited once per year; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interest for %1 was already credited: %2 accounts have interest entries dated %3. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interest run did not update every account it credited; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interest run counted its entries differently; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interest for %1 was credited at the same moment by another run. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerKind</name>
    <message>
        <source>First deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplementary deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair expense share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalReceiptIssuer</name>
    <message>
        <source>local issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be signed: the issuer&apos;s key is not usable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Fund Counter — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residential Maintenance Fund Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the database server (数据库连接)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupService</name>
    <message>
        <source>Enter the full address of the house.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of an address to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the online-signed contract number (网签合同编号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the real-estate certificate number (不动产权证号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt code (票据代码) has 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt number (票据号码) has 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name as written on the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentCode</name>
    <message>
        <source>Nothing was scanned. Please scan the payment code on the resident&apos;s phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a WeChat Pay or Alipay payment code. Please ask the resident to open the payment code (付款码) and scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid WeChat Pay payment code (18 digits starting with 10 to 15). Please scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentNotifications</name>
    <message>
        <source>A payment notification claiming to come from %1 could not be verified and was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay is not configured at this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A WeChat Pay notification of kind %1 is not a payment result; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay is not configured at this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment notification names order %1, which this system does not know; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentService</name>
    <message>
        <source>The reference number (参考号) on the POS slip has 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 already has a payment in progress (%2) at counter %3, started by %4. Finish or close that payment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment attempt no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown — querying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is %2 and cannot become %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment method is not available at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 already has a payment in progress. Finish or close that payment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is %2; start a new payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment is not a cash payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal number (终端号) on the POS slip has 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch number (批次号) on the POS slip has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment is not a bank card payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is already paid and cannot be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel did not confirm that payment %1 is closed; it is %2. Try closing it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports payment %1 paid although it is %2. Nothing was booked: do not collect again; a supervisor must refund it or book it after reconciliation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports %1 yuan paid for payment %2, but %3 yuan are due. Nothing was booked; a supervisor must reconcile it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports payment %1 paid, but the deposit cannot take it: %2 Nothing was booked; a supervisor must refund it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the channel&apos;s confirmation or a supervisor can mark a payment paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the reason for confirming this payment manually.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is %2 and cannot be confirmed manually.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 was reported paid by %2 after that payment (order %3) was closed. A supervisor must settle it in reconciliation before it is collected again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a refund that the channel confirmed marks a payment refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This POS slip (参考号 %1, 终端号 %2) was already entered for payment %3 of deposit %4. Each card payment has its own slip: check the slip in your hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentState</name>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result unknown — querying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentTab</name>
    <message>
        <source>Quick deposit (快速交存): serial number + owner name, for any house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serial no. (业务流水号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on the payment notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner name (业主名称):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending deposits (待交存):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment (交款)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming in the payment channels release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash &amp;tendered (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payer (交款人):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see residents&apos; personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collect payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issue or print receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run batch jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm a payment manually</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import channel bills and reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve a till variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund a payment (退款); ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve a red reversal (红冲) of a receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit house registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review house registrations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProofDocument</name>
    <message>
        <source>(unnamed file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is empty. Scan the document again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is %2 MB; a proof document may be at most %3 MB. Scan it at a lower resolution or split it into several files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is a program or an archive, not a scanned document, whatever its name says. Attach a PDF, JPEG or PNG scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not a PDF, JPEG or PNG file. Scan the document as PDF, JPEG or PNG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file %1 is damaged or incomplete and cannot be opened. Scan or save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 is damaged or incomplete and cannot be shown. Scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>The receipt cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPlatform</name>
    <message>
        <source>The receipt platform&apos;s answer could not be accepted (%1); the receipt stays &quot;issuing&quot; until a query settles it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptService</name>
    <message>
        <source>A receipt code (票据代码) has 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt number range must lie within 0000000001–9999999999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range overlaps a range already configured for receipt code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a paid deposit gets a receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt numbers are left: ask the administrator to configure a new number range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another counter took the same receipt number. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt has been issued for this payment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt number (票据号码) has 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt has code %1 and number %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt has not been issued yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key file of the receipt issuer cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt issuer settings need &quot;payee&quot; and &quot;check_key&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt page size must be A4, A5 or receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform&apos;s address must be an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A paper receipt has already been issued for this payment, so no e-receipt can be issued again (您的纸质票据已开具，不支持再次开具电子票据。). Reprint it from the paper exchange instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 has not been issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check code (校验码) does not match receipt %1 %2: the receipt is not authentic or was mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount does not match receipt %1 %2 (it was issued for %3 yuan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issue date does not match receipt %1 %2 (it was issued on %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 is authentic but was reversed (已红冲): it is no longer valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the paper receipt&apos;s code (8 to 12 digits, printed on the paper form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the paper receipt&apos;s number (6 to 10 digits, printed on the paper form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an issued e-receipt that was not reversed can be exchanged for paper (换开纸质).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 has already been used. Take the next paper form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A red reversal (红冲) needs a reason: type why the receipt is reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an issued receipt can be reversed (红冲), and only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The red reversal of this receipt was already approved; retry it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has requested a red reversal (红冲) of this receipt yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You requested this red reversal yourself: another supervisor must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt issuer settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This receipt was already exchanged for paper receipt %1. Give a reason to void that paper receipt and exchange again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This receipt was exchanged for paper receipt %1, which the resident still holds. Take the paper receipt back and void it (收回纸质) before the red reversal (红冲).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voiding a paper receipt needs a reason: type why it is taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This receipt has no paper receipt to void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The red reversal (红冲) of this receipt was already approved: it can no longer be exchanged for paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt issuer settings file %1 is not valid JSON (%2 at byte %3): correct it and start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptState</name>
    <message>
        <source>Issuing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed (已红冲)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red reversal issuing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red receipt (红字)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red reversal failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptVerifier</name>
    <message>
        <source>The file is not a PDF, so it is not a receipt file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF carries no signed receipt data: it is not an e-receipt of this issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s signature does not match its data: the file was altered or was not issued by this issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s signed data is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s check code (校验码) does not match its code, number, amount and date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptsTab</name>
    <message>
        <source>E-receipt for the current payment (电子票据)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue e-receipt (我要开票)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue again (重新开票)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a receipt by code and number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code (票据代码):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number (票据号码):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print every issued receipt of the served house, for residents who cannot print at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;all of this house…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconciliationService</name>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the column %2 is not an amount in yuan with at most two decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a %1: the header has no column %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay bill is not a readable ZIP archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its directory is missing (damaged or cut short).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP64 archives are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-part archives are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds %1 files, more than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its directory points outside the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its directory is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 uses compression method %2; only stored and deflate are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is larger than %2 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ZIP archive cannot be unpacked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file %1 is damaged (checksum).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay bill is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay trade bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay bill is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a data line of a WeChat Pay bill must start with a backtick (`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line has %1 fields but the header has %2 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the merchant order number (商户订单号) is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (yyyy-MM-dd HH:mm:ss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown trade state (交易状态) &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay bill ends without its summary (总交易单数): the file is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay bill is neither GBK/GB18030 nor UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay bill (业务明细)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line cannot be read as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay bill has no header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay bill ends without its end marker (业务明细列表结束): the file is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The POS settlement is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference number (参考号, RRN) must be 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal number (终端号) must be 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the batch number (批次号) must be 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trace number (凭证号) must be 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (yyyy-MM-dd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (HH:mm:ss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount is zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bill holds no payments or refunds: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Alipay bill archive holds no 业务明细 CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 bill for %2 has been imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bank card (POS)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundService</name>
    <message>
        <source>The reference number (参考号) on the POS refund slip has 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment method cannot refund at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 is %2 and cannot become %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) was already refunded. Do not refund it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) is already being refunded (%3), requested by %4 at counter %5. Query that refund instead of starting another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is %2: only a paid payment can be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) still has a valid e-receipt. Reverse the receipt (红冲) first, then refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash payment %1 was taken in a till of counter %2 that is already closed (日结): its cash has left the counter. Have the finance office (财务) refund it by bank transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash payment %1 was taken at counter %2: refund it there, from the till that holds the cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house&apos;s fund account holds only %1 yuan of principal, less than the %2 yuan to refund (money was already used). A refund is not possible at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the reason for the refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 is already being refunded. Query that refund instead of starting another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 failed: %2 Request a new refund if it is still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports refund %1 succeeded although it was recorded as failed. Nothing was booked; a supervisor must reconcile it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports %1 yuan refunded for refund %2, but %3 yuan were asked. Nothing was booked; a supervisor must reconcile it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel reports refund %1 succeeded, but payment %2 is %3. Nothing was booked; a supervisor must reconcile it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house has no fund account to reverse the payment in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 is not marked paid; the refund was not booked. Look at it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundState</name>
    <message>
        <source>requested, not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processing at the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result unknown — querying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <source>Add house (个人造册)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind house (去绑定)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner change (业主信息变更)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under review (需审核)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved (已绑定)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (未通过)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for more documents (退回补件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound at once (已绑定)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationQueueModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationService</name>
    <message>
        <source>Enter the resident&apos;s ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name as written on the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house with %1 is known. Add the house with proof documents and its address instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several houses have %1. Use the 不动产权证号 or the proof documents with the address instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the online contract number (网签合同编号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the online contract number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the property certificate number (不动产权证号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the property certificate number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the resident&apos;s phone number, so the district office can reach them about the review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a phone number: use digits only (a mobile number or an area code and number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files are attached; a request may carry at most %2. Combine pages into one PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the same file as %2, which is already attached. Attach each document once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the house&apos;s address (坐落) as written on the proof documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach at least one proof document (a PDF, JPEG or PNG scan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the house from a lookup result first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the district (区) the house is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resident is not the recorded owner of this house, so the request needs review: attach at least one proof document (a PDF, JPEG or PNG scan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 (%2) for this house is already waiting for review (submitted %3 by %4). Wait for its decision, or add the new documents to it if it is returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number %1 is recorded under another name. Check the name as written on the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the further proof documents the reviewer asked for before resubmitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no registration request No. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 is %2: only a request returned for more documents can be resubmitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request may carry at most %1 files; %2 are already attached. Combine pages into one PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 for this house is already waiting for review; request No. %2 cannot be resubmitted until it is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for rejecting the request: the resident is told it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which documents are missing: the resident is told it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 is no longer waiting for review: it is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You submitted request No. %1, so you may not decide it: another supervisor or reviewer must.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 is for another house.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 names no known house: find the house by its address and choose it before approving, or return the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 for the same house is also waiting for review: decide that one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proof document %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteReceiptPlatform</name>
    <message>
        <source>receipt platform %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform answered with something that is not JSON (HTTP %1); the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform refused to issue the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform did not confirm the receipt (HTTP %1, %2); the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform&apos;s layout file is damaged; the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the receipt platform (%1); the result is unknown and will be queried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform answered about another business serial; the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffRole</name>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer (审核员)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffService</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for %1 more minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is 2–32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a staff member with the user name %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no staff member with the user name %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillService</name>
    <message>
        <source>Till %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deposit %2, %3, %4, started by %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 yuan is not a denomination of renminbi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of %1 yuan notes or coins cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pieces of %2 yuan is more than a till can hold. Check the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opening float cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 already has an open till (no. %2), opened by %3 at %4. Close it before opening another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 of counter %2 is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 cannot be closed while payments at counter %2 are still in progress: %3. Finish, query or close them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counted cash (%1 yuan) differs from the expected cash (%2 yuan) by %3 yuan. Enter a note explaining the difference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 is still open: it must be closed and counted before a variance can be approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 is already closed; there is no variance waiting for approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You closed till %1 yourself; another supervisor must approve its variance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1 has no open till. Open the till (款箱) with its float in the Till tab before collecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund %1 (deposit %2, %3, %4, requested by %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An opening float of %1 yuan is more than a till holds (at most %2 yuan). Check the amount.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WechatCodeChannel</name>
    <message>
        <source>WeChat Pay refused the payment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay could not be verified; the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another merchant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reports a different amount than the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WechatNativeChannel</name>
    <message>
        <source>WeChat Pay refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay could not be verified; the result is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another merchant or order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reports a different amount than the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay reports a different refund amount than asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay does not know this refund.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WechatPayV2</name>
    <message>
        <source>The answer from WeChat Pay could not be verified and was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay order is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No WeChat Pay API key is configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WechatPayV3</name>
    <message>
        <source>The answer from WeChat Pay could not be verified and was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay order is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay sent an answer that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::models::DepositRequestModel</name>
    <message>
        <source>%1 – %2 (to be entered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::models::HouseListModel</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::models::LedgerModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::models::ReceiptListModel</name>
    <message>
        <source>Receipt code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(red reversal requested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(paper %1 %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::ConnectionProfileDialog</name>
    <message>
        <source>verify-full: encrypted, certificate and host name checked (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify-ca: encrypted, certificate checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>require: encrypted, server not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disable: not encrypted (this computer or a closed network only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database server&apos;s host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name for the database server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file: %1 checks the server&apos;s certificate against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing Residential Special Maintenance Fund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to the maintenance fund service counter</source>
        <extracomment>On the customer display between residents: 欢迎来到维修资金服务窗口</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1</source>
        <extracomment>The counter window&apos;s number on the customer display: 窗口 %1</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner %1   ID %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid</source>
        <extracomment>应付金额 / 已付金额</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being entered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash received %1</source>
        <extracomment>实收现金</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <extracomment>找零</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the house details</source>
        <extracomment>请核对房屋信息</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <extracomment>等待付款</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid — issuing your e-receipt…</source>
        <extracomment>开票中</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid — the e-receipt failed, the clerk will issue it again</source>
        <extracomment>开票失败，窗口将重新开票</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid. Thank you</source>
        <extracomment>已收款</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid — e-receipt issued</source>
        <extracomment>开票成功</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt code %1
Receipt number %2</source>
        <extracomment>票据代码 / 票据号码</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with %1 to pay</source>
        <extracomment>Under the payment QR on the customer display: 请使用微信扫码支付 / 请使用支付宝扫码支付</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::FundTab</name>
    <message>
        <source>This house has no fund account entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund (退款)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the payment of the selected entry to the resident (supervisors)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::HousesTab</name>
    <message>
        <source>%1 has no house registered with the maintenance fund. You can add the house (个人造册) or take a quick deposit by serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Houses of %1 (房屋列表): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house matches “%1” — you can add the house (个人造册).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a house in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the identified resident&apos;s house: the owner&apos;s identity is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify the resident by ID card, or find the house: its details appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::LockScreen</name>
    <message>
        <source>%1 (%2) is signed in. Enter the password to continue, or sign out so that someone else can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::MainWindow</name>
    <message>
        <source>Fund Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this service: the customer display blanks and the forms are cleared (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resident being served — find a house to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid %1 — issue the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment has no receipt yet. End the service anyway? The receipt can be issued later from the house&apos;s receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the current service and sign out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window while you step away; your password unlocks it (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration (个人造册)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review (审核)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::PaymentTab</name>
    <message>
        <source>House: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house is being served. Find one on the Houses tab, or use quick deposit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · due %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed amount: confirm it with the payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount between %1 and %2 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pending deposit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount to deposit in yuan, e.g. 1234.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan. Type digits with at most two decimals, e.g. 1234.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This house has no pending deposit (待交存).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pending deposit to collect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough: %1 yuan short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 is not pending: it has already been paid or was cancelled. There is nothing to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 is no longer pending. Nothing to collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found deposit %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was collected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the cash handed over by the payer in yuan, e.g. 2000. Nothing was collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is less than the amount due (%2 yuan). Nothing was collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name (交款人). Nothing was collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected %1 yuan for deposit %2 — change %3 yuan. Issue the e-receipt on the Receipts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment code (付款码)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference no. (参考号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal no. (终端号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch no. (批次号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the QR code to the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan the resident&apos;s payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid — check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已支付: asks the payment channel whether the resident has paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm manually…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank card payments are not set up at this counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay is not set up: the payment channel settings file (channels.json) has no &quot;wechat&quot; section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay is not set up: the payment channel settings file (channels.json) has no &quot;alipay&quot; section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment codes need WeChat Pay or Alipay: the payment channel settings file (channels.json) has neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the payment to the channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same payment code was scanned again; it was ignored. Nothing more is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a WeChat Pay code, but WeChat Pay is not set up at this counter. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an Alipay code, but Alipay is not set up at this counter. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pending deposit first. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment channel has not received this payment yet. Ask the resident to finish paying on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment has arrived yet. Press &quot;Paid — check&quot; when the resident has paid, or close the payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm payment manually</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this payment confirmed without the channel&apos;s answer? (recorded and reconciled later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 was closed. Nothing was charged; you may start a new payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 failed%2. Nothing was charged; you may start a new payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result unknown — querying… Do not charge again.</source>
        <extracomment>The outcome of a channel payment is not known yet: never say &quot;failed&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment is not confirmed. Check the POS slip; a supervisor may confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment: the resident scans the QR code on the customer display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment: the resident confirms on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 yuan for deposit %2 (confirmed manually, flagged for reconciliation). Issue the e-receipt on the Receipts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 yuan for deposit %2. Issue the e-receipt on the Receipts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::ReceiptsTab</name>
    <message>
        <source>Receipts of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house is being served. Receipts can still be found by code and number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment in this service yet. Collect a deposit on the Payment tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 · %2 yuan · paid by %3 at counter %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be issued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt code (票据代码)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number (票据号码)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code (校验码)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-receipt %1 %2 issued. Print it or save it for the resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-receipt could not be issued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This receipt is not issued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Receipt %1 %2, printed %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an issued receipt to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed the original of receipt %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed copy no. %3 of receipt %1 %2, marked as a reprint (重打).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This house has no issued receipt to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Printed %n receipt(s) of this house.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Maintenance fund receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and ready, then print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 could not be prepared for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer stopped while printing. Check it and print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer reported an error. Check it and print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt-%1-%2.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 saved to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by code and number (not a receipt of the served house):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange for paper (换开纸质)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request red reversal (红冲)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve red reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors: approve another staff member&apos;s request; the red receipt is issued at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify (查验)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the code, number, check code, amount and date a resident shows together</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) left issuing were settled with the receipt platform.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ask the platform again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue again (重新开票)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet (开票中): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange for paper again (重新换开)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt platform has not answered yet (开票中): %1 Ask it again in a moment; no second receipt is ever issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange for paper (换开纸质)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code of the paper receipt form (票据代码, printed on the form):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of the paper receipt form (票据号码):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange for paper again (重新换开)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 will be voided. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 exchanged for paper receipt %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red reversal (红冲)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole receipt %1 %2 (%3 yuan) will be reversed once a supervisor approves. Reason (冲红原因):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red reversal of %1 %2 requested. A supervisor other than you must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve red reversal (红冲)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a red receipt reversing %1 %2 (%3 yuan)?
Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red receipt %1 %2 issued; it reverses %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The red receipt is not issued yet (%1): %2. Approve again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify receipt %1 %2 (查验)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code (校验码) as printed on the resident&apos;s receipt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in yuan as printed (e.g. 4467.50):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it in yuan, e.g. 4467.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue date as printed (yyyy-mm-dd):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date. Type it as yyyy-mm-dd, e.g. 2026-12-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 %2 is genuine: check code, amount and date match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take paper back (收回纸质)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resident hands the paper receipt back: it is voided and the e-receipt counts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take paper back (收回纸质)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take paper receipt %1 %2 back from the resident; it will be voided and e-receipt %3 %4 counts again. Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 voided; e-receipt %3 %4 counts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::ReconciliationTab</name>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS (bank card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number / RRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the channel&apos;s bill for the day, then reconcile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay bills (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the %1 bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This %1 bill of %2 was imported before (%3); nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the %1 bill of %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 — matched: %3 · local only: %4 · channel only: %5 · amount mismatch: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconciliation cannot be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::RefundDialog</name>
    <message>
        <source>Refund (退款)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to refund (退款金额)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit (业务流水号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the money goes back (mandatory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (退款原因):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits from the POS refund slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund slip reference (参考号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query result (查询)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not requested yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the reason for the refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 to %2 by %3 for deposit %4? The deposit becomes due again (待交存).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (refund number %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded %1. The deposit is due again (待交存).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund failed: %1 Nothing was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel has not confirmed the refund yet. Query the result; do not refund again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the refund again (same number)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::RegistrationTab</name>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (历史记录)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By online contract No. (网签合同编号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By property certificate No. (不动产权证号)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By proof documents and the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The house of the lookup result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>北京市朝阳区… as on the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Way:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract No.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate No.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known house:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (坐落):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lookup result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof documents (PDF, JPEG, PNG; at most %1 files of %2 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resident&apos;s registrations (历史记录)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — find the house in House lookup first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 (%2, %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 (%2, %3): %4 — %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided since the resident&apos;s last visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 m², %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 files can be attached to one request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the same file as %2, which is already attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a proof document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB. Scan it at a lower resolution or split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bound (已绑定)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resident is the recorded owner: the house is bound to %1 now, no review is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review (需审核)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 goes to the district office for review. The resident is told the outcome at their next visit (or by phone %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::ReviewTab</name>
    <message>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to see its proof documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for more documents (退回补件)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending (待审核): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1 by %2 (round %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known house matches yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address as typed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online contract No. (网签合同编号): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property certificate No. (不动产权证号): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), %3 – %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proof documents are attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You submitted request No. %1: another supervisor or reviewer must decide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF %1 cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known house matches request No. %1. Type the house&apos;s address (坐落) as recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house has the address %1. Check it, or return the request for more documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve request No. %1 (%2) for %3? The house is then bound to the resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return for more documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is request No. %1 rejected? The resident is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which documents are missing for request No. %1? The resident is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request No. %1 returned for more documents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fund::ui::TillTab</name>
    <message>
        <source>Open the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1000.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report (takings so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel / method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save daily close report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the till (cash count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required when the count differs from the expected cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No till is open at this counter. Count the float and open the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened by %1 at %2 with a float of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 of counter %2 is open, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 is counted with a variance of %2 (%3) and waits for a supervisor&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 is closed (counted %2, variance %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash expected in the till: %1 (float %2 + cash in %3 − cash out %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments still in progress at this counter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: — (check the counts: whole numbers of notes and coins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: %1 · expected: %2 · variance: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the opening float in yuan, e.g. 1000.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till opened with a float of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every count must be a whole number of notes or coins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till closed: the count of %1 matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance of %1 recorded. A supervisor must approve it to close the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance of %1 approved; the till is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save daily close report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report cannot be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily close report saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds (退款), money out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fundctl</name>
    <message>
        <source>Run &quot;fundctl --help&quot; for the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Fund Counter database yet: create it with &quot;fundctl --db %1 init&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// address (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter name written to the audit log (default: fundctl).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show technical details of errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo-city: the random seed (default 20261203).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup: the full address of a house.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup: any part of an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup: a business serial number (业务流水号).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup --serial: the owner&apos;s name (业主名称).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup --search: at most this many houses (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt-pdf: the PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command&apos;s arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a command: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. The commands are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 does not apply to the command %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which database to use with --db FILE or --db postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter name (--counter) must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is ready: schema version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo-city takes no arguments; use --houses N and --seed S.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--houses takes a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to 4294967295.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo city: %1 of %2 houses (%3 %), %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Houses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners (persons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ownerships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts below 30 % of the first deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historical payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup needs exactly one of --address TEXT, --search TEXT or --serial NO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--owner goes with --serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit goes with --search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup takes no arguments besides its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No house matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the first %1 matches; narrow the search or use --limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement takes one house ID, e.g. &quot;fundctl --db city.sqlite statement 42&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a house ID: use the number from the ID column of lookup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This house has no fund account yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1, opened %2, first deposit %3 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance %1 yuan (principal %2, interest %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the balance is below 30 % of the first deposit (%1 yuan): a renewal deposit (续交) is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt-pdf takes one receipt ID and -o FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where to write the PDF with -o FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote receipt %1 to %2 (%3 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account balances equal the sums of their ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account balances equal the last entry&apos;s running balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry&apos;s running balance is the sum of the entries up to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deposit request has more than one paid payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid requests have exactly one paid payment; other requests none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every paid payment is booked in the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt numbers (票据代码 + 票据号码) are unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued receipt numbers lie within a handed-out part of their range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A check returned nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail&apos;s hash chain is intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail&apos;s hash chain is intact (first broken row: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some checks FAILED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interest: the year to credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interest: the annual rate, e.g. 1.50%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff add: the staff member&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;import houses FILE.csv&quot; or &quot;import owners FILE.csv&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 (%2, %3): %4 rows, %5 added, %6 already present (unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 estates, %2 buildings, %3 units, %4 persons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same file was imported before, at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s); nothing was imported:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interest takes --year Y and --rate R, and no other arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the year to credit with --year, e.g. --year 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credited %1 interest for %2 at %3 to %4 accounts, booked on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;staff list&quot;, &quot;staff add LOGIN --name NAME --role ROLE&quot;, &quot;staff reset-password LOGIN&quot;, &quot;staff disable LOGIN&quot; or &quot;staff enable LOGIN&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name with --name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was reset; the account is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown staff action &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;audit verify&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is intact: %1 rows checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo-city: the number of houses (default 20000); bench: at least this many (default 1000000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench: also measure this postgresql:// database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench: samples per lookup kind (default 200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench takes no arguments; use --houses N, --pg URL and --samples K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--samples takes a number from 1 to 100000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pg takes a postgresql:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench: building a city of %1 houses in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 houses, %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench: city built in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 houses, fewer than --houses %3: use an empty database (it is built) or a smaller --houses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bench: reusing the %1 houses of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrated the schema from version %1 to %2 in %3 s (the new indexes are built over the existing houses).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff add: clerk, supervisor, admin or reviewer (审核员: reviews registrations only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt verify: the receipt issuer&apos;s settings file (keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every succeeded refund is reversed once in the ledger and its payment is refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the role with --role clerk, --role supervisor, --role admin or --role reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use: fundctl receipt verify FILE.pdf [--issuer SETTINGS.json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentic and unaltered: receipt %1 %2, check code %3, %4 yuan, issued %5 to %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a red receipt (红冲) reversing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare these figures with the ones printed on the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is undamaged (SQLite quick_check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: give the CSV file itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff list takes no further arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not built by fundctl bench. bench writes test payments, receipts, an interest year and an imported estate that can never be taken back: run it on a new, empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in %1 s with seed %2. Staff: clerk / clerk123, supervisor / super123, reviewer / review123, admin / admin123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing&apos;s districts and streets: %1 districts, %2 streets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the annual rate with --rate: from 0.01% to 100% with at most two decimals, e.g. --rate 1.50%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest is credited by the administrator account &quot;admin&quot;, which this database does not have (or is disabled). Add it first: fundctl --db DB staff add admin --name NAME --role admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may already sign in: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already disabled: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit verify: the end of the log printed by an earlier check, to find rows deleted from the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the anchor as an earlier &quot;audit verify&quot; printed it: --anchor ROW:HASH (the row number, a colon, 64 hex digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its end, to keep outside the database: %1:%2 — a later &quot;audit verify --anchor %1:%2&quot; also finds rows deleted from the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fund Counter operator&apos;s tool (维修资金柜台端).

Commands:
  init                              create the database or bring its schema up to date
  demo-city [--houses N] [--seed S] build the demo city into an empty database
  lookup --address TEXT             find a house by its full address (坐落)
  lookup --search TEXT [--limit N]  find houses by any part of the address
  lookup --serial NO [--owner NAME] find a pending deposit by 业务流水号 (and owner name)
  statement HOUSE_ID                the fund account statement (资金明细) of a house
  receipt-pdf RECEIPT_ID -o FILE    write the PDF of an issued receipt
  receipt verify FILE.pdf [--issuer SETTINGS.json]
                                    is the receipt file authentic and unaltered? (no --db;
                                    without --issuer, the demo issuer&apos;s TEST ONLY keys)
  check                             verify the ledger, payments, receipts and audit trail
  import houses|owners FILE.csv     import houses or owners (docs/import-formats.md)
  interest --year Y --rate R        credit the annual interest (年度结息), e.g. --rate 1.50%
  staff list                        the staff accounts, disabled ones marked
  staff add LOGIN --name N --role R add an account (role clerk, supervisor, admin or reviewer);
                                    the password is read from standard input
  staff reset-password LOGIN        set a new password (read from standard input)
  staff disable|enable LOGIN        stop or allow an account&apos;s sign-in
  audit verify [--anchor ID:HASH]   check the hash chain of the audit log (and that it still
                                    reaches the end an earlier check printed)
  bench [--houses N] [--pg URL] [--samples K]
                                    figures for docs/benchmarks.md on a bench database
                                    (built with N houses if empty; it WRITES payments)

Exit status: 0 success; 1 an error, or check found a problem; 2 the command line or an
input value is not valid; 3 nothing matches (house, serial number, receipt, database file).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Counter client of Beijing&apos;s residential special maintenance fund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// URL (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counter&apos;s name, e.g. W01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen of the customer display (default: the first screen that is not the clerk&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not show the customer display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the database server before signing in (the profile is saved without the password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window after this many minutes without input; 0 never (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
